namespace DataPrepWorkflows.Aws.Sqs;

/// <summary><c>ReceiveMessage</c> input.</summary>
/// <param name="QueueUrl">The queue.</param>
public sealed record ReceiveMessageRequest(string QueueUrl)
{
    /// <summary>1–10 messages per call; SQS's default is 1.</summary>
    public int? MaxNumberOfMessages { get; init; }

    /// <summary>Long polling: seconds (0–20) to wait for a message before answering empty.</summary>
    public int? WaitTimeSeconds { get; init; }

    /// <summary>Seconds the received messages stay hidden from other receivers; the queue's default when unset.</summary>
    public int? VisibilityTimeout { get; init; }

    /// <summary>System attributes to return (<c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, <c>All</c>, …).</summary>
    public IReadOnlyList<string>? MessageSystemAttributeNames { get; init; }

    /// <summary>Custom attributes to return (<c>All</c> or names).</summary>
    public IReadOnlyList<string>? MessageAttributeNames { get; init; }

    /// <summary>FIFO queues: id that makes a retried receive return the same messages.</summary>
    public string? ReceiveRequestAttemptId { get; init; }
}

/// <summary>A received message.</summary>
/// <param name="MessageId">SQS's id of the message (the same on every delivery).</param>
/// <param name="ReceiptHandle">The handle of this delivery, for delete and visibility changes.</param>
/// <param name="Body">The body.</param>
public sealed record SqsMessage(string MessageId, string ReceiptHandle, string Body)
{
    /// <summary>MD5 of the body, hex.</summary>
    public string? MD5OfBody { get; init; }

    /// <summary>System attributes asked for, values as strings.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Custom attributes asked for.</summary>
    public IReadOnlyDictionary<string, SqsMessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>How many times SQS has delivered this message, counting this delivery; 0 when not asked for.</summary>
    public int ApproximateReceiveCount =>
        Attributes is not null && Attributes.TryGetValue(SqsSystemAttributes.ApproximateReceiveCount, out var text)
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count
            : 0;
}

/// <summary><c>ReceiveMessage</c> output.</summary>
public sealed record ReceiveMessageResponse
{
    /// <summary>The messages; empty when the wait ended with none.</summary>
    public IReadOnlyList<SqsMessage> Messages { get; init; } = [];
}

/// <summary><c>DeleteMessage</c> input.</summary>
/// <param name="QueueUrl">The queue.</param>
/// <param name="ReceiptHandle">The handle of the delivery.</param>
public sealed record DeleteMessageRequest(string QueueUrl, string ReceiptHandle);

/// <summary>One message of a <c>DeleteMessageBatch</c>.</summary>
/// <param name="Id">Id unique in the batch.</param>
/// <param name="ReceiptHandle">The handle of the delivery.</param>
public sealed record DeleteMessageBatchEntry(string Id, string ReceiptHandle);

/// <summary><c>DeleteMessageBatch</c> input (1–10 entries).</summary>
/// <param name="QueueUrl">The queue.</param>
/// <param name="Entries">The deliveries to delete.</param>
public sealed record DeleteMessageBatchRequest(string QueueUrl, IReadOnlyList<DeleteMessageBatchEntry> Entries);

/// <summary>A deleted entry of a batch.</summary>
/// <param name="Id">The entry id.</param>
public sealed record DeleteMessageBatchResultEntry(string Id);

/// <summary><c>DeleteMessageBatch</c> output.</summary>
public sealed record DeleteMessageBatchResponse
{
    /// <summary>Entries deleted.</summary>
    public IReadOnlyList<DeleteMessageBatchResultEntry> Successful { get; init; } = [];

    /// <summary>Entries refused.</summary>
    public IReadOnlyList<SqsBatchError> Failed { get; init; } = [];
}

/// <summary><c>ChangeMessageVisibility</c> input.</summary>
/// <param name="QueueUrl">The queue.</param>
/// <param name="ReceiptHandle">The handle of the delivery.</param>
/// <param name="VisibilityTimeout">New timeout in seconds from now (0–43,200); 0 makes the message visible at once.</param>
public sealed record ChangeMessageVisibilityRequest(string QueueUrl, string ReceiptHandle, int VisibilityTimeout);

/// <summary>Names of SQS system attributes the product asks for.</summary>
public static class SqsSystemAttributes
{
    /// <summary>How many times the message has been delivered.</summary>
    public const string ApproximateReceiveCount = "ApproximateReceiveCount";

    /// <summary>When the message was sent (epoch milliseconds).</summary>
    public const string SentTimestamp = "SentTimestamp";

    /// <summary>When the message was first received (epoch milliseconds).</summary>
    public const string ApproximateFirstReceiveTimestamp = "ApproximateFirstReceiveTimestamp";
}
