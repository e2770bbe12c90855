namespace DataPrepWorkflows.Events.Triggers;

/// <summary>The trigger types whose stimulus is an EventBridge event.</summary>
public static class EventTriggerTypes
{
    /// <summary>An S3 object was created in a bucket.</summary>
    public const string S3ObjectCreated = "S3ObjectCreated";

    /// <summary>An S3 object was deleted from a bucket.</summary>
    public const string S3ObjectDeleted = "S3ObjectDeleted";

    /// <summary>Any event matching a raw EventBridge pattern.</summary>
    public const string EventBridge = "EventBridge";

    /// <summary>Whether <paramref name="triggerType"/> is one of them.</summary>
    public static bool IsEventTrigger(string triggerType) =>
        triggerType is S3ObjectCreated or S3ObjectDeleted or EventBridge;
}
