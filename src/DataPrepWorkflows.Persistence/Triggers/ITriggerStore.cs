namespace DataPrepWorkflows.Persistence;

/// <summary>The trigger index: the triggers of every published workflow version.</summary>
public interface ITriggerStore
{
    /// <summary>Replaces the workflow's triggers (on publish; an empty list on unpublish) in one transaction.</summary>
    Task ReplaceAsync(string workflowId, IReadOnlyList<StoredTrigger> triggers, CancellationToken cancellationToken);

    /// <summary>Every indexed trigger, or those of one type.</summary>
    Task<IReadOnlyList<StoredTrigger>> ListAsync(string? triggerType, CancellationToken cancellationToken);

    /// <summary>Triggers of a type with a given key (an HTTP endpoint's method and path).</summary>
    Task<IReadOnlyList<StoredTrigger>> FindAsync(string triggerType, string key, CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes whenever any workflow's triggers change, so nodes can cache the index and rebuild it
    /// only when it moved.
    /// </summary>
    Task<long> GetStampAsync(CancellationToken cancellationToken);
}
