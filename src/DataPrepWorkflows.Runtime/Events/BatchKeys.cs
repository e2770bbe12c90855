using System.Text.Json.Nodes;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Runtime.Events;

/// <summary>
/// Which open batch an event joins: <c>&lt;workflow&gt;|&lt;trigger index&gt;|&lt;group&gt;</c>, the group taken from the
/// event's S3 detail as the trigger's <c>groupBy</c> says (events without a bucket or key share the empty group).
/// </summary>
internal static class BatchKeys
{
    public static string For(TriggerMatch match, JsonNode @event)
    {
        var bucket = Text(@event["detail"]?["bucket"]?["name"]);
        var key = Text(@event["detail"]?["object"]?["key"]);
        var group = match.Batch?.GroupBy switch
        {
            BatchGrouping.Bucket => bucket,
            BatchGrouping.Key => bucket + "/" + key,
            BatchGrouping.Prefix => bucket + "/" + (key.LastIndexOf('/') is var slash and >= 0 ? key[..(slash + 1)] : ""),
            _ => "",
        };
        return $"{match.WorkflowId}|{match.TriggerIndex}|{group}";
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
