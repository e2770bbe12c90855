using System.Globalization;
using DataPrepWorkflows.Aws.Sqs;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Aws.Sources;

/// <summary>
/// The life of one delivery: poison check, parse, hand to the sink with the visibility renewed meanwhile, then delete
/// (accepted or duplicate), hide with back-off (the sink did not accept), or move to the dead-letter queue.
/// Never throws: whatever fails leaves the message in SQS, which delivers it again.
/// </summary>
internal sealed class SqsMessageHandler(SqsClient sqs, IEventSink sink, SqsEventSourceOptions options, TimeProvider clock, ILogger logger)
{
    public async Task HandleAsync(string queueUrl, SqsMessage message, CancellationToken abort)
    {
        try
        {
            var outcome = await ProcessAsync(queueUrl, message, abort).ConfigureAwait(false);
            SqsEventSourceLog.Handled(logger, message.MessageId, queueUrl, outcome);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Aborted: the message becomes visible again when its timeout lapses.
        }
        catch (Exception ex)
        {
            SqsEventSourceLog.MessageCallFailed(logger, message.MessageId, queueUrl, "finishing it", ex);
        }
    }

    private async Task<string> ProcessAsync(string queueUrl, SqsMessage message, CancellationToken abort)
    {
        var deliveries = message.ApproximateReceiveCount;
        if (deliveries > options.MaxReceiveCount)
        {
            return await DeadLetterAsync(queueUrl, message, $"delivered {deliveries} times, more than the {options.MaxReceiveCount} allowed", abort).ConfigureAwait(false);
        }

        if (!DeliveredEvent.TryRead(message.Body, queueUrl, out var evt, out var parseError))
        {
            return await DeadLetterAsync(queueUrl, message, "not an EventBridge event: " + parseError, abort).ConfigureAwait(false);
        }

        var source = new EventSourceInfo("sqs", queueUrl, message.MessageId, deliveries);
        EventAcceptance acceptance;
        Exception? failure = null;
        await using (VisibilityRenewal.Start(sqs, queueUrl, message, options, clock, logger).ConfigureAwait(false))
        {
            try
            {
                acceptance = await sink.AcceptAsync(evt, source, abort).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                acceptance = EventAcceptance.Retry;
                failure = ex;
            }
        }

        if (acceptance is EventAcceptance.Accepted or EventAcceptance.Duplicate)
        {
            await sqs.DeleteMessageAsync(new DeleteMessageRequest(queueUrl, message.ReceiptHandle), abort).ConfigureAwait(false);
            return acceptance == EventAcceptance.Accepted ? "accepted, deleted" : "duplicate, deleted";
        }

        var delay = Backoff.Exponential(options.RedeliveryBackoffBase, options.RedeliveryBackoffMax, Math.Max(deliveries, 1));
        SqsEventSourceLog.SinkDeferred(logger, message.MessageId, queueUrl, deliveries, delay, failure);
        await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest(queueUrl, message.ReceiptHandle, Backoff.Seconds(delay)), abort).ConfigureAwait(false);
        return "retry later";
    }

    private async Task<string> DeadLetterAsync(string queueUrl, SqsMessage message, string reason, CancellationToken abort)
    {
        if (options.DeadLetterQueueUrl is not { } deadLetterQueue)
        {
            SqsEventSourceLog.NoDeadLetterQueue(logger, message.MessageId, queueUrl, reason);
            await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest(queueUrl, message.ReceiptHandle, Backoff.Seconds(options.RedeliveryBackoffMax)), abort).ConfigureAwait(false);
            return "poison, kept";
        }

        SqsEventSourceLog.DeadLettered(logger, message.MessageId, queueUrl, reason);
        var attributes = new Dictionary<string, SqsMessageAttributeValue>(StringComparer.Ordinal)
        {
            [DeadLetterAttributes.Reason] = SqsMessageAttributeValue.String(reason),
            [DeadLetterAttributes.SourceQueue] = SqsMessageAttributeValue.String(queueUrl),
            [DeadLetterAttributes.ReceiveCount] = new("Number") { StringValue = message.ApproximateReceiveCount.ToString(CultureInfo.InvariantCulture) },
        };
        await sqs.SendMessageAsync(new SendMessageRequest(deadLetterQueue, message.Body) { MessageAttributes = attributes }, abort).ConfigureAwait(false);
        await sqs.DeleteMessageAsync(new DeleteMessageRequest(queueUrl, message.ReceiptHandle), abort).ConfigureAwait(false);
        return "dead-lettered";
    }
}
