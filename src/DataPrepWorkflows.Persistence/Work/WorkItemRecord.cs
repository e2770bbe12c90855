namespace DataPrepWorkflows.Persistence;

/// <summary>
/// A durable unit of work for one instance. Accepting a stimulus (an event, a timer, an API call) means committing a
/// work item; the runtime claims due items under a lease, applies them and deletes them in the same transaction that
/// commits the instance, so an accepted stimulus is never lost and never applied twice.
/// </summary>
public sealed record WorkItemRecord
{
    /// <summary>The work item id.</summary>
    public required string Id { get; init; }

    /// <summary>What to do.</summary>
    public required WorkKind Kind { get; init; }

    /// <summary>The instance it is for (for <see cref="WorkKind.Start"/>, the id the new instance gets).</summary>
    public required string InstanceId { get; init; }

    /// <summary>The workflow.</summary>
    public required string WorkflowId { get; init; }

    /// <summary>The workflow version (for a start: the version to start).</summary>
    public int WorkflowVersion { get; init; }

    /// <summary>The bookmark to resume (<see cref="WorkKind.Resume"/>).</summary>
    public string? BookmarkId { get; init; }

    /// <summary>JSON payload: the start request, the resume input, or a batch's <c>{"events": [...]}</c>.</summary>
    public string? PayloadJson { get; init; }

    /// <summary>Not claimable before this time.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>When it was enqueued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// For a batched start: the batch it collects (for example <c>workflowId|bucket|prefix</c>); events appended
    /// while the item is not yet claimed join it.
    /// </summary>
    public string? BatchKey { get; init; }

    /// <summary>The instance already reflects this item: a mid-run commit happened; a new claimer continues the run.</summary>
    public bool Applied { get; init; }

    /// <summary>How many times it has been claimed.</summary>
    public int Attempts { get; init; }

    /// <summary>The node holding the lease, or <c>null</c>.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease lapses.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The last failure applying it (kept while it waits for another attempt).</summary>
    public string? LastError { get; init; }

    /// <summary>
    /// Set by <see cref="IWorkQueue.ClaimAsync"/>: whether a cancel for the same instance was queued when this item was
    /// claimed (read in the claim's transaction, so a start needs no read of its instance's queue before it runs).
    /// <c>false</c> on items read any other way.
    /// </summary>
    public bool CancelQueued { get; init; }

    /// <summary>
    /// Set by <see cref="IWorkQueue.ClaimAsync"/>: the trigger stamp (<see cref="ITriggerStore.GetStampAsync"/>) as the
    /// claim's transaction read it, so a node needs no read of its own to know whether its cached definitions are
    /// current. <c>null</c> on items read any other way.
    /// </summary>
    public long? TriggerStamp { get; init; }
}
