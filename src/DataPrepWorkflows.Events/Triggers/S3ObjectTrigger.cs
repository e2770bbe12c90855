using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>The inputs of the S3 object triggers: a bucket, an optional key prefix and suffix, and extra detail filters.</summary>
public abstract class S3ObjectTrigger : EventTriggerActivity
{
    /// <summary>The bucket (S3 naming rules).</summary>
    [Input(Description = "The bucket's name (S3 naming rules), without s3:// or a key.", Required = true, AllowExpressions = false, Order = 0)]
    public string Bucket { get; set; } = "";

    /// <summary>Only keys starting with this.</summary>
    [Input(Description = "Only objects whose key starts with this, such as \"incoming/\".", AllowExpressions = false, Order = 1)]
    public string? KeyPrefix { get; set; }

    /// <summary>Only keys ending with this.</summary>
    [Input(Description = "Only objects whose key ends with this, such as \".csv\". With keyPrefix, both must hold.", AllowExpressions = false, Order = 2)]
    public string? KeySuffix { get; set; }

    /// <summary>Extra EventBridge filters on the event's <c>detail</c> (for example <c>{"reason": ["PutObject"]}</c>).</summary>
    [Input(Description = "Extra EventBridge filters on the event's detail, such as {\"reason\": [\"PutObject\"]} or {\"object\": {\"size\": [{\"numeric\": [\">\", 0]}]}}.", AllowExpressions = false, Order = 3)]
    public JsonObject? Detail { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, JsonNode?>> OwnInputs()
    {
        yield return KeyValuePair.Create<string, JsonNode?>("bucket", Bucket);
        if (KeyPrefix is not null)
        {
            yield return KeyValuePair.Create<string, JsonNode?>("keyPrefix", KeyPrefix);
        }

        if (KeySuffix is not null)
        {
            yield return KeyValuePair.Create<string, JsonNode?>("keySuffix", KeySuffix);
        }

        if (Detail is not null)
        {
            yield return KeyValuePair.Create<string, JsonNode?>("detail", Detail.DeepClone());
        }
    }
}

/// <summary>Starts the workflow when an object is created in a bucket (S3's <c>Object Created</c> event).</summary>
[Activity(EventTriggerTypes.S3ObjectCreated, Category = "Triggers", Description = "Starts the workflow when an object is created in an S3 bucket (locally: when a file lands in the storage folder).")]
public sealed class S3ObjectCreatedTrigger : S3ObjectTrigger
{
    /// <inheritdoc />
    protected override string TriggerType => EventTriggerTypes.S3ObjectCreated;
}

/// <summary>Starts the workflow when an object is deleted from a bucket (S3's <c>Object Deleted</c> event).</summary>
[Activity(EventTriggerTypes.S3ObjectDeleted, Category = "Triggers", Description = "Starts the workflow when an object is deleted from an S3 bucket.")]
public sealed class S3ObjectDeletedTrigger : S3ObjectTrigger
{
    /// <inheritdoc />
    protected override string TriggerType => EventTriggerTypes.S3ObjectDeleted;
}
