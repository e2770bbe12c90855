namespace DataPrepWorkflows.Persistence;

/// <summary>
/// The durable work queue with leases. At most one live lease exists per instance at any time, across every node
/// sharing the store, so an instance runs on one node at a time; a lease that lapses (its node died) makes the item
/// claimable again.
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Enqueues <paramref name="items"/> atomically. With <paramref name="deduplication"/>: when its key is already
    /// recorded and not expired nothing is enqueued and the result is false; otherwise the key is recorded in the same
    /// transaction.
    /// </summary>
    Task<bool> EnqueueAsync(IReadOnlyList<WorkItemRecord> items, DeduplicationRecord? deduplication, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="EnqueueAsync"/>, only while the trigger stamp (<see cref="ITriggerStore.GetStampAsync"/>) is still
    /// <paramref name="stamp"/>, checked in the same transaction: a caller that chose what to enqueue from definitions
    /// read under that stamp needs no stamp read first. Returns <c>null</c>, having written nothing (not even the
    /// deduplication key), when the stamp moved; otherwise what <see cref="EnqueueAsync"/> returns.
    /// </summary>
    Task<bool?> EnqueueAtStampAsync(IReadOnlyList<WorkItemRecord> items, DeduplicationRecord? deduplication, long stamp, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="eventJson"/> to the open (unclaimed) batch item with <paramref name="template"/>'s
    /// <see cref="WorkItemRecord.BatchKey"/>, or creates it from <paramref name="template"/> (payload
    /// <c>{"events": [event]}</c>, due at <paramref name="dueAt"/>). Deduplicates like <see cref="EnqueueAsync"/>.
    /// Returns the batch item's id, or <c>null</c> when the key was a duplicate.
    /// </summary>
    Task<string?> AppendToBatchAsync(WorkItemRecord template, string eventJson, DateTimeOffset dueAt, BatchDue due, DeduplicationRecord? deduplication, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> items due by <paramref name="now"/> whose lease is free or lapsed and whose
    /// instance has no other live lease, oldest due first; increments their attempts. Each claimed item's
    /// <see cref="WorkItemRecord.CancelQueued"/> tells whether a cancel for its instance was queued at the claim, and
    /// <see cref="WorkItemRecord.TriggerStamp"/> carries the trigger stamp the claim read.
    /// </summary>
    Task<IReadOnlyList<WorkItemRecord>> ClaimAsync(string nodeId, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Extends the leases <paramref name="nodeId"/> still holds; returns the ids it still holds.</summary>
    Task<IReadOnlyList<string>> RenewAsync(string nodeId, IReadOnlyList<string> itemIds, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a claimed item back after a failure: drops the lease and makes it due at <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(string itemId, string nodeId, DateTimeOffset retryAt, string? error, CancellationToken cancellationToken);

    /// <summary>Deletes a claimed item that needs no instance commit (a start skipped by a concurrency policy).</summary>
    Task<bool> DeleteAsync(string itemId, string nodeId, CancellationToken cancellationToken);

    /// <summary>Every queued item of an instance (diagnostics, tests).</summary>
    Task<IReadOnlyList<WorkItemRecord>> ListForInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>How many items are due by <paramref name="now"/> and how many are queued in all (queue depth).</summary>
    Task<(long Due, long Total)> CountAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The earliest due time of an unleased item, or <c>null</c> when the queue is empty (so a node can sleep until then).</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>Removes deduplication keys that expired by <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeDeduplicationAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
