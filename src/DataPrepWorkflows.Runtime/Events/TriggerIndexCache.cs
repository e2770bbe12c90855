using DataPrepWorkflows.Events.Triggers;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Events;

/// <summary>
/// The trigger index built from the store's indexed triggers, rebuilt only when the store's stamp moved (a publish or
/// unpublish on any node), so every ingestion sees the published triggers without re-reading them each time.
/// </summary>
internal sealed class TriggerIndexCache(ITriggerStore triggers)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Stamp, TriggerIndex Index)? _current;

    public async Task<TriggerIndex> GetAsync(CancellationToken cancellationToken)
    {
        var stamp = await triggers.GetStampAsync(cancellationToken).ConfigureAwait(false);
        if (_current is { } current && current.Stamp == stamp)
        {
            return current.Index;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } again && again.Stamp == stamp)
            {
                return again.Index;
            }

            var stored = await triggers.ListAsync(null, cancellationToken).ConfigureAwait(false);
            var index = TriggerIndex.Build(stored
                .Where(s => EventTriggerTypes.IsEventTrigger(s.TriggerType))
                .Select(s => new IndexedTrigger(s.WorkflowId, s.Version, s.Index, s.TriggerType, CompiledTrigger.FromPayloadJson(s.TriggerType, s.PayloadJson))));
            _current = (stamp, index);
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }
}
