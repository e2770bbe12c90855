using DataPrepWorkflows.Events.Envelope;

namespace DataPrepWorkflows.Server;

/// <summary>Takes an EventBridge event the server accepted and starts the workflows it triggers.</summary>
public interface IEventIngestion
{
    /// <summary>Ingests one event; returns the instances it started (none when no trigger matched or it was a duplicate).</summary>
    Task<EventIngestionResult> IngestAsync(EventBridgeEvent @event, CancellationToken cancellationToken);
}

/// <summary>What ingesting one event did.</summary>
/// <param name="InstanceIds">Instances started (or batches joined) for the event.</param>
/// <param name="Duplicate">The event id was already accepted within the deduplication window.</param>
public sealed record EventIngestionResult(IReadOnlyList<string> InstanceIds, bool Duplicate);
