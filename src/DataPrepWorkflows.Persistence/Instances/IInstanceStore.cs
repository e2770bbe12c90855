namespace DataPrepWorkflows.Persistence;

/// <summary>Reads instances and applies retention. Instances are written only through <see cref="IRuntimeStore.CommitAsync"/>.</summary>
public interface IInstanceStore
{
    /// <summary>The instance with its state document, or <c>null</c>.</summary>
    Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Instances matching <paramref name="query"/>, newest first, without state documents.</summary>
    Task<Page<InstanceRecord>> ListAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>How many instances of <paramref name="workflowId"/> are Running or Suspended (concurrency policies).</summary>
    Task<int> CountActiveAsync(string workflowId, CancellationToken cancellationToken);

    /// <summary>
    /// Retention: deletes up to <paramref name="batchSize"/> instances that finished, faulted or were cancelled before
    /// <paramref name="finishedBefore"/>, with their journal, bookmarks and incidents; returns how many were deleted.
    /// </summary>
    Task<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, int batchSize, CancellationToken cancellationToken);
}
