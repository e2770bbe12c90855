using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>
/// An event trigger reduced to what the trigger index needs: the EventBridge pattern (compiled), the event bus, the
/// batching and the deduplication window. Its <see cref="ToPayloadJson"/> form is what the trigger store
/// keeps, so a node rebuilds the index from the store without reading workflow files.
/// </summary>
public sealed record CompiledTrigger
{
    /// <summary>The default deduplication window: an event id is accepted once per workflow within it.</summary>
    public static readonly TimeSpan DefaultDedupeWindow = TimeSpan.FromHours(24);

    /// <summary>The trigger type (<c>S3ObjectCreated</c>, <c>S3ObjectDeleted</c>, <c>EventBridge</c>).</summary>
    public required string TriggerType { get; init; }

    /// <summary>The EventBridge pattern as JSON (what <c>events deploy</c> puts in the rule).</summary>
    public required JsonObject PatternJson { get; init; }

    /// <summary>The compiled pattern.</summary>
    public required EventPattern Pattern { get; init; }

    /// <summary>The event bus the rule belongs to on AWS. <value><c>default</c></value></summary>
    public string EventBusName { get; init; } = "default";

    /// <summary>Batching, or <c>null</c> for one run per event.</summary>
    public TriggerBatch? Batch { get; init; }

    /// <summary>How long an event id is remembered so that a redelivery starts nothing.</summary>
    public TimeSpan DedupeWindow { get; init; } = DefaultDedupeWindow;

    /// <summary>The form stored in the trigger index.</summary>
    public string ToPayloadJson()
    {
        var payload = new JsonObject
        {
            ["pattern"] = PatternJson.DeepClone(),
            ["eventBusName"] = EventBusName,
            ["dedupeWindow"] = TriggerDuration.Format(DedupeWindow),
        };
        if (Batch is not null)
        {
            payload["batch"] = new JsonObject
            {
                ["window"] = TriggerDuration.Format(Batch.Window),
                ["mode"] = Batch.ModeName,
                ["groupBy"] = Batch.GroupBy,
            };
        }

        return payload.ToJsonString();
    }

    /// <summary>Reads the stored form back.</summary>
    /// <exception cref="JsonException">The payload is not one <see cref="ToPayloadJson"/> wrote.</exception>
    public static CompiledTrigger FromPayloadJson(string triggerType, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        var payload = JsonNode.Parse(payloadJson) as JsonObject ?? throw new JsonException("A stored event trigger must be a JSON object.");
        var pattern = payload["pattern"] as JsonObject ?? throw new JsonException("A stored event trigger has no 'pattern' object.");
        var parsed = EventPattern.Parse(pattern.ToJsonString());
        if (!parsed.IsValid)
        {
            throw new JsonException($"A stored event trigger's pattern is not valid: {parsed.Error!.Message}");
        }

        var compilation = TriggerCompiler.ReadOptions(payload, out var problems);
        if (problems.Count > 0)
        {
            throw new JsonException($"A stored event trigger is not valid: {problems[0].Message}");
        }

        return new CompiledTrigger
        {
            TriggerType = triggerType,
            PatternJson = (JsonObject)pattern.DeepClone(),
            Pattern = parsed.Pattern!,
            EventBusName = payload["eventBusName"]?.GetValue<string>() ?? "default",
            Batch = compilation.Batch,
            DedupeWindow = compilation.DedupeWindow,
        };
    }
}
