using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Persistence;

/// <summary>
/// A workflow instance as the store keeps it: the columns listings filter on, and the engine's whole state document.
/// </summary>
public sealed record InstanceRecord
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The workflow definition id.</summary>
    public required string WorkflowId { get; init; }

    /// <summary>The definition version the instance started on (it finishes on it too).</summary>
    public required int WorkflowVersion { get; init; }

    /// <summary>Where it stands.</summary>
    public required WorkflowStatus Status { get; init; }

    /// <summary>Correlation id (an event id, a file, a request).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The parent instance when this is a child workflow run on its own.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>The Git commit of the definition version, when known.</summary>
    public string? GitCommit { get; init; }

    /// <summary>When the instance was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last committed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it finished, faulted or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The earliest durable timer of the instance, when suspended on one.</summary>
    public DateTimeOffset? NextTimerAt { get; init; }

    /// <summary>The fault's message when faulted.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The engine's state document (<see cref="WorkflowInstanceState.ToUtf8Json"/>); empty in listings.</summary>
    public ReadOnlyMemory<byte> State { get; init; }

    /// <summary>
    /// Incremented by every commit; a commit names the revision it read (optimistic concurrency), so two writers can
    /// never both commit on top of the same revision.
    /// </summary>
    public long Revision { get; init; }
}
