using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Cli.Serve;

/// <summary>
/// Hands events the SQS poller receives to the runtime's ingestion: a message is deleted only once its starts are
/// committed (or it was a duplicate); a failure leaves it for redelivery.
/// </summary>
internal sealed class SqsIngestionSink(EventIngestor ingestor) : IEventSink
{
    public async ValueTask<EventAcceptance> AcceptAsync(EventBridgeEvent evt, EventSourceInfo source, CancellationToken cancellationToken)
    {
        var result = await ingestor.IngestAsync(evt, cancellationToken);
        return result.Duplicate ? EventAcceptance.Duplicate : EventAcceptance.Accepted;
    }
}
