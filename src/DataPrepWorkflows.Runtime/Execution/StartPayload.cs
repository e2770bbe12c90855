using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Runtime.Execution;

/// <summary>The JSON a start work item carries: inputs, trigger and correlation id, or a batch of events.</summary>
internal static class StartPayload
{
    private const string NewInstanceMark = "{\"newInstance\":true";

    /// <summary>
    /// The payload JSON. <paramref name="newInstance"/> marks a start whose instance id the runtime generated (no
    /// instance can hold it yet), written first so <see cref="IsForNewInstance"/> needs no parse.
    /// </summary>
    public static string Write(JsonObject? inputs, JsonNode? trigger, string? correlationId, bool newInstance = false)
    {
        var payload = new JsonObject();
        if (newInstance)
        {
            payload["newInstance"] = true;
        }

        if (inputs is not null)
        {
            payload["inputs"] = inputs.DeepClone();
        }

        if (trigger is not null)
        {
            payload["trigger"] = trigger.DeepClone();
        }

        if (correlationId is not null)
        {
            payload["correlationId"] = correlationId;
        }

        return payload.ToJsonString();
    }

    /// <summary>Whether the payload was written for an instance id the runtime generated.</summary>
    public static bool IsForNewInstance(string? json) => json is not null && json.StartsWith(NewInstanceMark, StringComparison.Ordinal);

    /// <summary>
    /// Reads a start payload. A batch (<c>{"events": [...]}</c>, collected by the event ingestion) becomes the trigger
    /// <c>{"events": [...], "keys": [...]}</c>, the keys being the S3 object keys of the events that have one.
    /// </summary>
    public static (JsonObject? Inputs, JsonNode? Trigger, string? CorrelationId) Read(string? json)
    {
        if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonObject payload)
        {
            return (null, null, null);
        }

        if (payload["events"] is JsonArray events && !payload.ContainsKey("trigger"))
        {
            var keys = new JsonArray();
            foreach (var evt in events)
            {
                if (evt?["detail"]?["object"]?["key"] is JsonValue key)
                {
                    keys.Add(key.DeepClone());
                }
            }

            var trigger = new JsonObject { ["events"] = events.DeepClone(), ["keys"] = keys };
            return (payload["inputs"] as JsonObject, trigger, payload["correlationId"]?.GetValue<string>());
        }

        return ((JsonObject?)payload["inputs"]?.DeepClone(), payload["trigger"]?.DeepClone(), payload["correlationId"]?.GetValue<string>());
    }
}
