using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// One activity's state inside a scope: part of the persisted instance document. Written only by the engine.
/// </summary>
public sealed class ActivityState
{
    /// <summary>The activity's type name.</summary>
    public string Type { get; set; } = "";

    /// <summary>Where the activity stands.</summary>
    public ActivityStatus Status { get; set; }

    /// <summary>1-based attempt of the current or last execution.</summary>
    public int Attempt { get; set; }

    /// <summary>Retries used so far, one counter per retrier (Step Functions semantics), or <c>null</c> before any.</summary>
    public int[]? RetryAttempts { get; set; }

    /// <summary>The evaluated inputs of the current attempt (unredacted: the state document is trusted storage).</summary>
    public JsonObject? Inputs { get; set; }

    /// <summary>Outputs once completed.</summary>
    public JsonObject? Outputs { get; set; }

    /// <summary>The outcome(s) it completed with.</summary>
    public string[]? Outcomes { get; set; }

    /// <summary>The error when faulted.</summary>
    public ActivityError? Error { get; set; }

    /// <summary>The error a <c>catch</c> routed to this activity (visible as <c>error</c> in its expressions).</summary>
    public ActivityError? CaughtError { get; set; }

    /// <summary>Activity-owned state that survives suspension (<see cref="ActivityContext.Properties"/>).</summary>
    public JsonObject? Properties { get; set; }

    /// <summary>Incoming branches that reached the activity (join bookkeeping).</summary>
    public int Arrived { get; set; }

    /// <summary>Incoming branches that reached it taken (not skipped).</summary>
    public int ArrivedLive { get; set; }

    /// <summary>Children (body runs, child workflows) started by the activity that have not finished.</summary>
    public int PendingChildren { get; set; }

    /// <summary>
    /// A step (execute or resume) began and had not ended when the state was checkpointed: if the instance is
    /// continued from that checkpoint, the step was interrupted.
    /// </summary>
    public bool StepInProgress { get; set; }

    /// <summary>When the current attempt started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it reached a final status.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>A step of the activity is running asynchronously (not persisted: no step survives a call).</summary>
    internal bool Busy { get; set; }

    internal bool IsFinal => Status is ActivityStatus.Completed or ActivityStatus.Faulted
        or ActivityStatus.Skipped or ActivityStatus.Cancelled;

    internal bool HasFired => Status != ActivityStatus.Pending;
}
