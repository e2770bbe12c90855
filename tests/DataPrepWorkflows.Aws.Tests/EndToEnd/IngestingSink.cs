using System.Threading.Channels;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Aws.Tests.EndToEnd;

/// <summary>
/// The sink <c>dataprep serve</c> wires to the SQS poller (events into the runtime's ingestion), also handing every
/// ingestion result to the test so it can wait for the poller without sleeping.
/// </summary>
internal sealed class IngestingSink(EventIngestor ingestor) : IEventSink
{
    private readonly Channel<IngestionResult> _results = Channel.CreateUnbounded<IngestionResult>();
    private readonly List<EventBridgeEvent> _received = [];

    /// <summary>Every event handed over, in order (as parsed from the queue).</summary>
    public IReadOnlyList<EventBridgeEvent> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public async ValueTask<EventAcceptance> AcceptAsync(EventBridgeEvent evt, EventSourceInfo source, CancellationToken cancellationToken)
    {
        lock (_received)
        {
            _received.Add(evt);
        }

        var result = await ingestor.IngestAsync(evt, cancellationToken);
        await _results.Writer.WriteAsync(result, cancellationToken);
        return result.Duplicate ? EventAcceptance.Duplicate : EventAcceptance.Accepted;
    }

    public async Task<IngestionResult> NextResultAsync() =>
        await _results.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
}
