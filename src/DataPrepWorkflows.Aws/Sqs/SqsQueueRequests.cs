using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Aws.Sqs;

/// <summary><c>CreateQueue</c> input.</summary>
/// <param name="QueueName">Up to 80 characters: letters, digits, <c>-</c>, <c>_</c>; FIFO queues end in <c>.fifo</c>.</param>
public sealed record CreateQueueRequest(string QueueName)
{
    /// <summary>Queue attributes by name (<c>VisibilityTimeout</c>, <c>RedrivePolicy</c>, <c>FifoQueue</c>, …), values as strings.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Cost-allocation tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>CreateQueue</c> and <c>GetQueueUrl</c> output.</summary>
/// <param name="QueueUrl">The queue's URL, which every message operation takes.</param>
public sealed record QueueUrlResponse(string QueueUrl);

/// <summary><c>GetQueueUrl</c> input.</summary>
/// <param name="QueueName">The queue's name.</param>
public sealed record GetQueueUrlRequest(string QueueName)
{
    /// <summary>The owning account, for a queue in another account.</summary>
    public string? QueueOwnerAWSAccountId { get; init; }
}

/// <summary><c>GetQueueAttributes</c> input.</summary>
/// <param name="QueueUrl">The queue.</param>
/// <param name="AttributeNames">Names to read (<c>All</c>, <c>QueueArn</c>, <c>ApproximateNumberOfMessages</c>, …).</param>
public sealed record GetQueueAttributesRequest(string QueueUrl, IReadOnlyList<string> AttributeNames);

/// <summary><c>GetQueueAttributes</c> output.</summary>
public sealed record GetQueueAttributesResponse
{
    /// <summary>The attributes asked for, values as strings.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}

/// <summary><c>SetQueueAttributes</c> input.</summary>
/// <param name="QueueUrl">The queue.</param>
/// <param name="Attributes">Attributes to set, values as strings.</param>
public sealed record SetQueueAttributesRequest(string QueueUrl, IReadOnlyDictionary<string, string> Attributes);

/// <summary><c>DeleteQueue</c> and <c>PurgeQueue</c> input.</summary>
/// <param name="QueueUrl">The queue.</param>
public sealed record QueueRequest(string QueueUrl);
