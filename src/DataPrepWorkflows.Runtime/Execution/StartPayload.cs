using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Runtime.Execution;

/// <summary>The JSON a start work item carries: inputs, trigger and correlation id, or a batch of events.</summary>
internal static class StartPayload
{
    public static string Write(JsonObject? inputs, JsonNode? trigger, string? correlationId)
    {
        var payload = new JsonObject();
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
