using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Server;

/// <summary>Events ingestion through the runtime's <see cref="EventIngestor"/>: trigger matching, durable starts, batches, deduplication by event id.</summary>
public sealed class RuntimeEventIngestion : IEventIngestion
{
    private readonly EventIngestor _ingestor;

    /// <summary>Creates the ingestion over the runtime's store.</summary>
    public RuntimeEventIngestion(IRuntimeStore store, TimeProvider clock) => _ingestor = new EventIngestor(store, clock);

    /// <summary>Creates the ingestion over an existing ingestor (to share its trigger index cache and its <c>Accepted</c> event).</summary>
    public RuntimeEventIngestion(EventIngestor ingestor) => _ingestor = ingestor ?? throw new ArgumentNullException(nameof(ingestor));

    /// <inheritdoc />
    public async Task<EventIngestionResult> IngestAsync(EventBridgeEvent @event, CancellationToken cancellationToken)
    {
        var result = await _ingestor.IngestAsync(@event, cancellationToken);
        var started = result.Starts
            .Where(s => s.Outcome != IngestOutcome.Duplicate)
            .Select(s => s.InstanceId ?? s.BatchItemId)
            .OfType<string>()
            .ToList();
        return new EventIngestionResult(started, result.Duplicate);
    }
}
