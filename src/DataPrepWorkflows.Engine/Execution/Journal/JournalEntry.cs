using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// One record of an instance's journal. Activity records carry the activity id and type; workflow records do not.
/// </summary>
public sealed record JournalEntry
{
    /// <summary>The entry as JSON (the shape the engine persists and the server returns).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, WorkflowStateJsonContext.Default.JournalEntry);

    /// <summary>Reads an entry written by <see cref="ToJson"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException">The text is not a journal entry.</exception>
    public static JournalEntry FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, WorkflowStateJsonContext.Default.JournalEntry)
        ?? throw new System.Text.Json.JsonException("The journal entry is null.");

    /// <summary>Per-instance monotonic sequence number, starting at 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>The instance the entry belongs to (a child workflow's entries carry the child's id).</summary>
    public required string WorkflowInstanceId { get; init; }

    /// <summary>When it happened (the engine's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>What happened.</summary>
    public required JournalEvent Event { get; init; }

    /// <summary>The activity, or <c>null</c> for workflow-level entries.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The activity's type.</summary>
    public string? ActivityType { get; init; }

    /// <summary>The scope (<c>null</c> for the root flowchart; a body run's id inside a ForEach).</summary>
    public string? ScopeId { get; init; }

    /// <summary>The 1-based attempt.</summary>
    public int? Attempt { get; init; }

    /// <summary>How long the attempt ran (Completed and Faulted).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Evaluated inputs with secret inputs redacted (Started).</summary>
    public JsonObject? Inputs { get; init; }

    /// <summary>Outputs (Completed; workflow Finished).</summary>
    public JsonObject? Outputs { get; init; }

    /// <summary>The outcome(s) (Completed).</summary>
    public IReadOnlyList<string>? Outcomes { get; init; }

    /// <summary>The error (Faulted, Retried).</summary>
    public ActivityError? Error { get; init; }

    /// <summary>A human-readable note (Log messages, retry waits, catch routing).</summary>
    public string? Message { get; init; }

    /// <summary>Log level of Log entries.</summary>
    public string? Level { get; init; }

    /// <summary>When a Retried or Suspended entry's durable timer is due.</summary>
    public DateTimeOffset? ResumeAt { get; init; }
}

/// <summary>Kinds of journal entries.</summary>
public enum JournalEvent
{
    /// <summary>Workflow started (workflow-level).</summary>
    WorkflowStarted,

    /// <summary>Workflow resumed by a bookmark, timer or child (workflow-level).</summary>
    WorkflowResumed,

    /// <summary>Workflow suspended (workflow-level).</summary>
    WorkflowSuspended,

    /// <summary>Workflow finished (workflow-level).</summary>
    WorkflowFinished,

    /// <summary>Workflow faulted (workflow-level).</summary>
    WorkflowFaulted,

    /// <summary>Workflow cancelled (workflow-level).</summary>
    WorkflowCancelled,

    /// <summary>Activity put in the work queue.</summary>
    Scheduled,

    /// <summary>Activity attempt started.</summary>
    Started,

    /// <summary>Activity completed.</summary>
    Completed,

    /// <summary>Activity attempt faulted.</summary>
    Faulted,

    /// <summary>Activity will be retried after a durable wait.</summary>
    Retried,

    /// <summary>Activity suspended on a bookmark.</summary>
    Suspended,

    /// <summary>Activity resumed from a bookmark.</summary>
    Resumed,

    /// <summary>Activity not run: no incoming branch was taken.</summary>
    Skipped,

    /// <summary>Activity cancelled.</summary>
    Cancelled,

    /// <summary>A log record written by an activity.</summary>
    Log,
}
