using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Scheduling.Tests.Testing;

/// <summary>An in-memory trigger index with a stamp, standing in for the store's until a test needs the database.</summary>
internal sealed class TriggerIndex : ITriggerStore
{
    private readonly Dictionary<string, IReadOnlyList<StoredTrigger>> _byWorkflow = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _stamp;

    public Task ReplaceAsync(string workflowId, IReadOnlyList<StoredTrigger> triggers, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _byWorkflow[workflowId] = triggers;
            _stamp++;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredTrigger>> ListAsync(string? triggerType, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredTrigger> all = [.. _byWorkflow.Values.SelectMany(t => t).Where(t => triggerType is null || t.TriggerType == triggerType)];
            return Task.FromResult(all);
        }
    }

    public Task<IReadOnlyList<StoredTrigger>> FindAsync(string triggerType, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredTrigger> found = [.. _byWorkflow.Values.SelectMany(t => t).Where(t => t.TriggerType == triggerType && t.Key == key)];
            return Task.FromResult(found);
        }
    }

    public Task<long> GetStampAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_stamp);
        }
    }
}
