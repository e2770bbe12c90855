using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Http.Responses;

/// <summary>A response written by <see cref="WriteHttpResponse"/>, as its <c>response</c> output stores it.</summary>
internal sealed record HttpResponseRecord(int StatusCode, string ContentType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static HttpResponseRecord From(int statusCode, JsonNode? content, string? contentType, JsonObject? headers)
    {
        var isText = content is JsonValue value && value.GetValueKind() == JsonValueKind.String;
        var body = content is null ? "" : isText ? content.GetValue<string>() : content.ToJsonString();
        var type = contentType ?? (content is null ? "" : isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8");
        var map = (headers ?? []).ToDictionary(
            p => p.Key,
            p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString() ?? "",
            StringComparer.OrdinalIgnoreCase);
        return new(statusCode, type, map, body);
    }

    public JsonObject ToJson() => new()
    {
        ["statusCode"] = StatusCode,
        ["contentType"] = ContentType,
        ["headers"] = new JsonObject([.. Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
        ["body"] = Body,
    };

    public static HttpResponseRecord? FromJson(JsonNode? node)
    {
        if (node is not JsonObject o || o["statusCode"] is not JsonValue status)
        {
            return null;
        }

        var headers = (o["headers"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.OrdinalIgnoreCase);
        return new(status.GetValue<int>(), o["contentType"]?.GetValue<string>() ?? "", headers, o["body"]?.GetValue<string>() ?? "");
    }
}
