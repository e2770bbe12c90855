namespace DataPrepWorkflows.Aws.Sources;

/// <summary>The SQS event source: which queues, how to poll them and what to do with messages that keep failing.</summary>
public sealed record SqsEventSourceOptions
{
    /// <summary>Longest visibility timeout SQS accepts (12 hours).</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);

    /// <summary>URLs of the queues EventBridge rules deliver to; each is polled independently.</summary>
    public required IReadOnlyList<string> QueueUrls { get; init; }

    /// <summary>
    /// Queue that receives messages that are not EventBridge events or were delivered more than
    /// <see cref="MaxReceiveCount"/> times (with the reason as a message attribute); <see langword="null"/> leaves them
    /// to the queue's own redrive policy, hidden for <see cref="RedeliveryBackoffMax"/> between deliveries.
    /// </summary>
    public string? DeadLetterQueueUrl { get; init; }

    /// <summary>Deliveries allowed before a message goes to the dead-letter queue.</summary>
    /// <value>5.</value>
    public int MaxReceiveCount { get; init; } = 5;

    /// <summary>Long-polling wait per receive, 0–20 seconds.</summary>
    /// <value>20.</value>
    public int WaitTimeSeconds { get; init; } = 20;

    /// <summary>Messages per receive, 1–10.</summary>
    /// <value>10.</value>
    public int MaxMessagesPerReceive { get; init; } = 10;

    /// <summary>Receive loops per queue running in parallel.</summary>
    /// <value>2.</value>
    public int ReceiversPerQueue { get; init; } = 2;

    /// <summary>How long a received message stays hidden; renewed while the sink works.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before the visibility timeout lapses the poller renews it.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan VisibilityRenewalMargin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Hidden time after the first failed delivery; doubles with every further delivery.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan RedeliveryBackoffBase { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Cap of the redelivery back-off.</summary>
    /// <value>15 minutes.</value>
    public TimeSpan RedeliveryBackoffMax { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Wait after the first failed call to SQS; doubles per consecutive failure, jittered.</summary>
    /// <value>1 second.</value>
    public TimeSpan ErrorBackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the error back-off.</summary>
    /// <value>1 minute.</value>
    public TimeSpan ErrorBackoffMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Every problem with these options, as messages naming the option; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (QueueUrls is null || QueueUrls.Count == 0 || QueueUrls.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("QueueUrls: give at least one queue URL, none empty.");
        }

        Check(problems, MaxReceiveCount >= 1, "MaxReceiveCount must be at least 1.");
        Check(problems, WaitTimeSeconds is >= 0 and <= 20, "WaitTimeSeconds must be between 0 and 20.");
        Check(problems, MaxMessagesPerReceive is >= 1 and <= 10, "MaxMessagesPerReceive must be between 1 and 10.");
        Check(problems, ReceiversPerQueue >= 1, "ReceiversPerQueue must be at least 1.");
        Check(problems, VisibilityTimeout >= TimeSpan.FromSeconds(1) && VisibilityTimeout <= MaxVisibilityTimeout, "VisibilityTimeout must be between 1 second and 12 hours.");
        Check(problems, VisibilityRenewalMargin > TimeSpan.Zero && VisibilityRenewalMargin < VisibilityTimeout, "VisibilityRenewalMargin must be positive and shorter than VisibilityTimeout.");
        Check(problems, RedeliveryBackoffBase >= TimeSpan.Zero && RedeliveryBackoffBase <= RedeliveryBackoffMax && RedeliveryBackoffMax <= MaxVisibilityTimeout, "RedeliveryBackoffBase must not exceed RedeliveryBackoffMax, which must not exceed 12 hours.");
        Check(problems, ErrorBackoffBase > TimeSpan.Zero && ErrorBackoffBase <= ErrorBackoffMax, "ErrorBackoffBase must be positive and not exceed ErrorBackoffMax.");
        return problems;
    }

    private static void Check(List<string> problems, bool valid, string message)
    {
        if (!valid)
        {
            problems.Add(message);
        }
    }
}
