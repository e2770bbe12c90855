using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Store;

/// <summary>A labeling job's status, as <c>DescribeLabelingJob</c>'s <c>LabelingJobStatus</c> names them.</summary>
public enum LabelingJobStatus
{
    /// <summary>Tasks are offered to workers.</summary>
    InProgress,

    /// <summary>Every object is labeled or failed (also after the task availability lifetime elapsed); output is written.</summary>
    Completed,

    /// <summary>Stopped by a person; labels so far are written, the rest count as failed.</summary>
    Stopped,
}

/// <summary>What happened to one object.</summary>
public enum ObjectState
{
    /// <summary>Waiting for workers.</summary>
    Pending,

    /// <summary>Labeled by people (consolidated).</summary>
    Human,

    /// <summary>Labeled automatically by the pre-labeler.</summary>
    Auto,

    /// <summary>Not labeled: the job stopped or timed out before anyone answered.</summary>
    Failed,
}

/// <summary>The workflow waiting for a job: the instance and the bookmark to resume when the job ends.</summary>
/// <param name="InstanceId">The workflow instance.</param>
/// <param name="BookmarkId">The bookmark the Label activity created.</param>
public sealed record LabelingJobWaiter(string InstanceId, string BookmarkId);

/// <summary>A stored job.</summary>
/// <param name="Definition">The job's definition.</param>
/// <param name="Status">Its status.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Deadline">When its task availability lifetime ends.</param>
/// <param name="OutputManifest">Where its output manifest is (or will be) written.</param>
/// <param name="EndedAt">When it completed or stopped.</param>
/// <param name="EndReason">Why it ended: <c>AllObjectsLabeled</c>, <c>StoppedByRequest</c> or <c>TaskAvailabilityLifetimeElapsed</c>.</param>
/// <param name="Waiter">The waiting workflow, if any.</param>
public sealed record LabelingJobRecord(
    LabelingJobDefinition Definition,
    LabelingJobStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    string OutputManifest,
    DateTimeOffset? EndedAt = null,
    string? EndReason = null,
    LabelingJobWaiter? Waiter = null)
{
    /// <summary>The job's name.</summary>
    public string Name => Definition.LabelingJobName;
}

/// <summary>One object of a job with its state and, once labeled, the two output keys.</summary>
/// <param name="Index">The object's <c>datasetObjectId</c>.</param>
/// <param name="Line">The input manifest line.</param>
/// <param name="State">Its state.</param>
/// <param name="LabelFields"><c>{"&lt;attr&gt;": …, "&lt;attr&gt;-metadata": {…}}</c> once labeled or failed.</param>
public sealed record LabeledObject(int Index, JsonObject Line, ObjectState State, JsonObject? LabelFields = null);

/// <summary>A job's label counters (<c>DescribeLabelingJob</c>'s <c>LabelCounters</c>).</summary>
/// <param name="Total">Objects in the job.</param>
/// <param name="HumanLabeled">Labeled by people.</param>
/// <param name="MachineLabeled">Labeled automatically.</param>
/// <param name="Failed">Not labeled (stopped or timed out).</param>
public sealed record LabelingProgress(int Total, int HumanLabeled, int MachineLabeled, int Failed)
{
    /// <summary>Labeled objects (human and machine).</summary>
    public int Labeled => HumanLabeled + MachineLabeled;

    /// <summary>Objects still waiting for workers.</summary>
    public int Unlabeled => Total - Labeled - Failed;
}

/// <summary>A worker's claim on one object.</summary>
/// <param name="ObjectIndex">The object.</param>
/// <param name="ClaimedAt">When the worker took the task.</param>
/// <param name="ExpiresAt">When the claim lapses and the task returns to the pool.</param>
public sealed record TaskClaim(int ObjectIndex, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt);
