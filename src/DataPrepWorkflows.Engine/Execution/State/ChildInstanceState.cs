namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// A child workflow (RunWorkflow) that suspended: its whole state travels inside the parent's document, so resuming
/// any of its bookmarks or timers through the parent continues the child and then the parent.
/// </summary>
public sealed class ChildInstanceState
{
    /// <summary>The parent scope of the waiting activity.</summary>
    public required string ScopeId { get; set; }

    /// <summary>The waiting activity in the parent.</summary>
    public required string ActivityId { get; set; }

    /// <summary>The tag the activity gave when it started the child.</summary>
    public required string Tag { get; set; }

    /// <summary>The child's state.</summary>
    public required WorkflowInstanceState Instance { get; set; }
}
