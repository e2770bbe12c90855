using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Events.Triggers;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Execution;

namespace DataPrepWorkflows.Runtime.Events;

/// <summary>
/// Turns EventBridge events (from the local watcher, the SQS poller, HTTP, <c>dataprep events put</c>) into durable
/// starts: matches the published triggers, then for each matched workflow makes ONE store call — a start work item
/// enqueued with the deduplication key <c>event:&lt;workflowId&gt;:&lt;event id&gt;</c>, or an append to the
/// workflow's open batch under the same key. The key is recorded in the same transaction as the work, so the same
/// event id never starts a second run of a workflow within the trigger's window, across restarts and nodes.
/// Thread-safe.
/// </summary>
public sealed class EventIngestor
{
    private readonly IRuntimeStore _store;
    private readonly TimeProvider _clock;
    private readonly TriggerIndexCache _index;

    /// <summary>Creates an ingestor over the runtime's store; its trigger index follows the store's published triggers.</summary>
    public EventIngestor(IRuntimeStore store, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _index = new TriggerIndexCache(store.Triggers);
    }

    /// <summary>Raised after an event recorded something new (so a local node can look for work at once); never throw from it.</summary>
    public event Action<IngestionResult>? Accepted;

    /// <summary>Ingests one event given as JSON.</summary>
    /// <exception cref="InvalidEventException">The text is not an EventBridge event (not JSON, or no id, source, detail-type…).</exception>
    public Task<IngestionResult> IngestAsync(string eventJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        EventBridgeEvent parsed;
        JsonObject node;
        try
        {
            parsed = EventBridgeEvent.FromJson(eventJson);
            node = JsonNode.Parse(eventJson) as JsonObject ?? throw new JsonException("The event is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"Not an EventBridge event: {e.Message}", e);
        }

        return IngestAsync(parsed.Id, node, cancellationToken);
    }

    /// <summary>Ingests one event.</summary>
    /// <exception cref="InvalidEventException">The event has no id.</exception>
    public Task<IngestionResult> IngestAsync(EventBridgeEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return IngestAsync(@event.Id, (JsonObject)JsonNode.Parse(@event.ToJson())!, cancellationToken);
    }

    private async Task<IngestionResult> IngestAsync(string eventId, JsonObject @event, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(eventId))
        {
            throw new InvalidEventException("The event has no 'id'; EventBridge gives every event one, and deduplication relies on it.");
        }

        var index = await _index.GetAsync(cancellationToken).ConfigureAwait(false);
        var eventJson = @event.ToJsonString();
        var matches = index.Match(eventJson);
        var starts = new List<IngestedStart>(matches.Count);
        foreach (var match in matches)
        {
            starts.Add(await RecordAsync(match, eventId, @event, eventJson, cancellationToken).ConfigureAwait(false));
        }

        var result = new IngestionResult(eventId, starts);
        if (result.Accepted)
        {
            Accepted?.Invoke(result);
        }

        return result;
    }

    private async Task<IngestedStart> RecordAsync(TriggerMatch match, string eventId, JsonObject @event, string eventJson, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var deduplication = new DeduplicationRecord($"event:{match.WorkflowId}:{eventId}", now + match.DedupeWindow);
        var item = new WorkItemRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Kind = WorkKind.Start,
            InstanceId = Guid.CreateVersion7().ToString("N"),
            WorkflowId = match.WorkflowId,
            WorkflowVersion = match.Version,
            DueAt = now,
            CreatedAt = now,
        };

        if (match.Batch is { } batch)
        {
            var template = item with { BatchKey = BatchKeys.For(match, @event), DueAt = now + batch.Window };
            var due = batch.Mode == BatchMode.Debounce ? BatchDue.Debounce : BatchDue.Window;
            var batchId = await _store.Work.AppendToBatchAsync(template, eventJson, now + batch.Window, due, deduplication, cancellationToken).ConfigureAwait(false);
            return batchId is null
                ? new IngestedStart(match.WorkflowId, match.Version, match.TriggerIndex, IngestOutcome.Duplicate, null, null)
                : new IngestedStart(match.WorkflowId, match.Version, match.TriggerIndex, IngestOutcome.Batched, null, batchId);
        }

        item = item with { PayloadJson = StartPayload.Write(null, @event, eventId) };
        var accepted = await _store.Work.EnqueueAsync([item], deduplication, cancellationToken).ConfigureAwait(false);
        return accepted
            ? new IngestedStart(match.WorkflowId, match.Version, match.TriggerIndex, IngestOutcome.Started, item.InstanceId, null)
            : new IngestedStart(match.WorkflowId, match.Version, match.TriggerIndex, IngestOutcome.Duplicate, null, null);
    }
}
