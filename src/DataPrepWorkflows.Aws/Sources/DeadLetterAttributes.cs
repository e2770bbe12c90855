namespace DataPrepWorkflows.Aws.Sources;

/// <summary>Message attributes the poller puts on a message it moves to the dead-letter queue.</summary>
public static class DeadLetterAttributes
{
    /// <summary>Why the message was moved (not an event, too many deliveries).</summary>
    public const string Reason = "dataprep.reason";

    /// <summary>The URL of the queue the message came from.</summary>
    public const string SourceQueue = "dataprep.source-queue";

    /// <summary>How many times it had been delivered.</summary>
    public const string ReceiveCount = "dataprep.receive-count";
}
