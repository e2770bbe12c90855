namespace DataPrepWorkflows.Aws.Sqs;

/// <summary>A message attribute value as SQS carries it.</summary>
/// <param name="DataType"><c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom label (<c>String.reason</c>).</param>
public sealed record SqsMessageAttributeValue(string DataType)
{
    /// <summary>The value of a <c>String</c> or <c>Number</c> attribute.</summary>
    public string? StringValue { get; init; }

    /// <summary>The value of a <c>Binary</c> attribute (base64 on the wire).</summary>
    public byte[]? BinaryValue { get; init; }

    /// <summary>A <c>String</c> attribute.</summary>
    public static SqsMessageAttributeValue String(string value) => new("String") { StringValue = value };
}

/// <summary><c>SendMessage</c> input.</summary>
/// <param name="QueueUrl">The queue.</param>
/// <param name="MessageBody">The body, up to 1 MiB of text.</param>
public sealed record SendMessageRequest(string QueueUrl, string MessageBody)
{
    /// <summary>Seconds (0–900) before the message becomes visible.</summary>
    public int? DelaySeconds { get; init; }

    /// <summary>Up to 10 custom attributes.</summary>
    public IReadOnlyDictionary<string, SqsMessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>FIFO queues: the deduplication id.</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>FIFO queues: the message group.</summary>
    public string? MessageGroupId { get; init; }
}

/// <summary><c>SendMessage</c> output.</summary>
/// <param name="MessageId">The id SQS gave the message.</param>
/// <param name="MD5OfMessageBody">MD5 of the body, hex.</param>
public sealed record SendMessageResponse(string MessageId, string? MD5OfMessageBody);

/// <summary>One message of a <c>SendMessageBatch</c>.</summary>
/// <param name="Id">Id unique in the batch, echoed in the result.</param>
/// <param name="MessageBody">The body.</param>
public sealed record SendMessageBatchEntry(string Id, string MessageBody)
{
    /// <summary>Seconds (0–900) before the message becomes visible.</summary>
    public int? DelaySeconds { get; init; }

    /// <summary>Custom attributes.</summary>
    public IReadOnlyDictionary<string, SqsMessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>FIFO queues: the deduplication id.</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>FIFO queues: the message group.</summary>
    public string? MessageGroupId { get; init; }
}

/// <summary><c>SendMessageBatch</c> input (1–10 entries).</summary>
/// <param name="QueueUrl">The queue.</param>
/// <param name="Entries">The messages.</param>
public sealed record SendMessageBatchRequest(string QueueUrl, IReadOnlyList<SendMessageBatchEntry> Entries);

/// <summary>A message of a batch that SQS took.</summary>
/// <param name="Id">The entry id.</param>
/// <param name="MessageId">The id SQS gave it.</param>
public sealed record SendMessageBatchResultEntry(string Id, string MessageId);

/// <summary>An entry of a batch that SQS refused.</summary>
/// <param name="Id">The entry id.</param>
/// <param name="SenderFault">Whether the caller is at fault.</param>
/// <param name="Code">AWS's error code.</param>
/// <param name="Message">AWS's message.</param>
public sealed record SqsBatchError(string Id, bool SenderFault, string Code, string? Message);

/// <summary><c>SendMessageBatch</c> output: every entry is in exactly one list.</summary>
public sealed record SendMessageBatchResponse
{
    /// <summary>Entries sent.</summary>
    public IReadOnlyList<SendMessageBatchResultEntry> Successful { get; init; } = [];

    /// <summary>Entries refused.</summary>
    public IReadOnlyList<SqsBatchError> Failed { get; init; } = [];
}
