using System.Collections.Concurrent;
using DataPrepWorkflows.Events.Envelope;

namespace DataPrepWorkflows.Server.Tests.Hosting;

/// <summary>Events ingestion that records what reached it and starts one (named) instance per new event id.</summary>
internal sealed class RecordingIngestion : IEventIngestion
{
    private readonly ConcurrentDictionary<string, bool> _seen = new();

    public ConcurrentQueue<EventBridgeEvent> Received { get; } = new();

    public Task<EventIngestionResult> IngestAsync(EventBridgeEvent @event, CancellationToken cancellationToken)
    {
        Received.Enqueue(@event);
        var duplicate = !_seen.TryAdd(@event.Id, true);
        return Task.FromResult(new EventIngestionResult(duplicate ? [] : [$"run-{@event.Id}"], duplicate));
    }
}
