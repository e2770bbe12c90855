using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Aws.Sources;

/// <summary>What the SQS event source reports, source-generated so that polling costs nothing when disabled.</summary>
internal static partial class SqsEventSourceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Receiving from {QueueUrl} failed ({Failures} in a row); retrying in {Delay}.")]
    public static partial void ReceiveFailed(ILogger logger, string queueUrl, int failures, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The sink did not accept message {MessageId} from {QueueUrl} (delivery {DeliveryCount}); it comes back in {Delay}.")]
    public static partial void SinkDeferred(ILogger logger, string messageId, string queueUrl, int deliveryCount, TimeSpan delay, Exception? exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Message {MessageId} from {QueueUrl} goes to the dead-letter queue: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string messageId, string queueUrl, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Message {MessageId} from {QueueUrl} cannot be processed ({Reason}) and no dead-letter queue is configured; it stays in the queue.")]
    public static partial void NoDeadLetterQueue(ILogger logger, string messageId, string queueUrl, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Talking to SQS about message {MessageId} from {QueueUrl} failed while {Step}; SQS delivers it again.")]
    public static partial void MessageCallFailed(ILogger logger, string messageId, string queueUrl, string step, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Message {MessageId} from {QueueUrl} handled: {Outcome}.")]
    public static partial void Handled(ILogger logger, string messageId, string queueUrl, string outcome);
}
