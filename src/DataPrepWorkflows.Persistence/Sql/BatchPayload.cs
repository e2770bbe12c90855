using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>A batch item's payload: <c>{"events": [...]}</c>, one event appended at a time.</summary>
internal static class BatchPayload
{
    public static string Append(string? payloadJson, string eventJson)
    {
        var payload = payloadJson is null ? new JsonObject() : JsonNode.Parse(payloadJson) as JsonObject ?? new JsonObject();
        if (payload["events"] is not JsonArray events)
        {
            events = [];
            payload["events"] = events;
        }

        events.Add(JsonNode.Parse(eventJson));
        return payload.ToJsonString();
    }
}
