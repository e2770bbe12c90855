using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// A step that was queued but had not begun when a checkpoint was taken. A checkpointed instance carries its queue so
/// <see cref="WorkflowEngine.ContinueAsync"/> can pick the run up where the checkpoint left it.
/// </summary>
public sealed class PendingWorkState
{
    /// <summary>What the step does.</summary>
    public PendingWorkKind Kind { get; set; }

    /// <summary>The scope of the activity.</summary>
    public required string ScopeId { get; set; }

    /// <summary>The activity.</summary>
    public required string ActivityId { get; set; }

    /// <summary>The bookmark being resumed (<see cref="PendingWorkKind.Resume"/>).</summary>
    public Bookmark? Bookmark { get; set; }

    /// <summary>The resume input.</summary>
    public JsonNode? Input { get; set; }

    /// <summary>The finished child being delivered (<see cref="PendingWorkKind.ChildCompleted"/>).</summary>
    public ChildCompletion? Child { get; set; }

    /// <summary>The child workflow to start (<see cref="PendingWorkKind.StartChildWorkflow"/>).</summary>
    public string? ChildWorkflowId { get; set; }

    /// <summary>The child workflow's version (latest when null).</summary>
    public int? ChildVersion { get; set; }

    /// <summary>The child workflow's inputs.</summary>
    public JsonObject? ChildInputs { get; set; }

    /// <summary>The tag the activity gave the child.</summary>
    public string? ChildTag { get; set; }
}

/// <summary>The kind of a <see cref="PendingWorkState"/>.</summary>
public enum PendingWorkKind
{
    /// <summary>Run a new attempt of the activity.</summary>
    Execute,

    /// <summary>Resume a bookmark of the activity.</summary>
    Resume,

    /// <summary>Deliver a finished body run or child workflow to the activity.</summary>
    ChildCompleted,

    /// <summary>Start a child workflow the activity asked for.</summary>
    StartChildWorkflow,
}
