using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Runtime.Execution;

/// <summary>
/// The rule that makes bookmarks and triggers findable without loading a state document: a payload's string property
/// <c>key</c>, when it has one, is its lookup key (an HTTP method and path, a labeling job).
/// </summary>
internal static class LookupKey
{
    public static string? Of(JsonNode? payload) =>
        payload is JsonObject o && o["key"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
