using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Events.Envelope;

/// <summary>
/// An event as EventBridge delivers it to rules and targets. Field names are EventBridge's own
/// (<c>detail-type</c>, <c>resources</c>, …); <see cref="Detail"/> is open JSON whose shape depends on the source.
/// </summary>
public sealed record EventBridgeEvent
{
    /// <summary>The envelope version; EventBridge always sends <c>"0"</c>.</summary>
    /// <value>Defaults to <c>"0"</c>.</value>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "0";

    /// <summary>A unique id (a v4 UUID) for this event; deliveries of the same event repeat it.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>What happened, e.g. <c>Object Created</c>.</summary>
    [JsonPropertyName("detail-type")]
    public required string DetailType { get; init; }

    /// <summary>Who emitted it, e.g. <c>aws.s3</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>The 12-digit account the event belongs to.</summary>
    [JsonPropertyName("account")]
    public required string Account { get; init; }

    /// <summary>When it happened, written in UTC to the second (<c>2021-11-12T00:00:00Z</c>).</summary>
    [JsonPropertyName("time")]
    [JsonConverter(typeof(EventTimeConverter))]
    public required DateTimeOffset Time { get; init; }

    /// <summary>The AWS region, e.g. <c>us-east-1</c>.</summary>
    [JsonPropertyName("region")]
    public required string Region { get; init; }

    /// <summary>ARNs of the resources concerned (for S3: the bucket ARN).</summary>
    /// <value>Empty by default.</value>
    [JsonPropertyName("resources")]
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The source-specific payload.</summary>
    [JsonPropertyName("detail")]
    public JsonElement Detail { get; init; }

    /// <summary>The event as compact JSON, fields in EventBridge's order.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, EventsJsonContext.Default.EventBridgeEvent);

    /// <summary>The event as UTF-8 JSON.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, EventsJsonContext.Default.EventBridgeEvent);

    /// <summary>Reads an event; throws <see cref="JsonException"/> when the text is not an event envelope.</summary>
    public static EventBridgeEvent FromJson(string json) =>
        JsonSerializer.Deserialize(json, EventsJsonContext.Default.EventBridgeEvent)
        ?? throw new JsonException("The event JSON is null.");

    /// <summary>Reads <see cref="Detail"/> as <typeparamref name="T"/> using the product's JSON contracts.</summary>
    public T? DetailAs<T>()
        where T : class =>
        (T?)Detail.Deserialize(EventsJsonContext.Default.GetTypeInfo(typeof(T)) ?? throw new NotSupportedException($"{typeof(T).Name} is not an event detail type."));
}
