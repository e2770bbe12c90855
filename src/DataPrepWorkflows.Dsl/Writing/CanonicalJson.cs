using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Dsl.Writing;

/// <summary>
/// Prints JSON the way workflow files are kept: 2-space indent, <c>\n</c> line ends, a final newline, objects one
/// property per line, arrays of plain values on one line when that line stays short, characters such as <c>+</c>,
/// <c>'</c> and non-ASCII letters unescaped so text reads as written.
/// </summary>
internal static class CanonicalJson
{
    private const int MaxInlineWidth = 100;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Print(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, 0);
        text.Append('\n');
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 0:
                text.Append("{}");
                break;
            case JsonObject o:
                text.Append("{\n");
                var first = true;
                foreach (var (key, value) in o)
                {
                    if (!first)
                    {
                        text.Append(",\n");
                    }

                    first = false;
                    Indent(text, depth + 1);
                    text.Append(Scalar(JsonValue.Create(key))).Append(": ");
                    Write(text, value, depth + 1);
                }

                text.Append('\n');
                Indent(text, depth);
                text.Append('}');
                break;
            case JsonArray a when a.Count == 0:
                text.Append("[]");
                break;
            case JsonArray a when a.All(i => i is null or JsonValue) && Inline(a) is { } inline && inline.Length + (depth * 2) <= MaxInlineWidth:
                text.Append(inline);
                break;
            case JsonArray a:
                text.Append("[\n");
                for (var i = 0; i < a.Count; i++)
                {
                    Indent(text, depth + 1);
                    Write(text, a[i], depth + 1);
                    text.Append(i + 1 < a.Count ? ",\n" : "\n");
                }

                Indent(text, depth);
                text.Append(']');
                break;
            default:
                text.Append(Scalar(node));
                break;
        }
    }

    private static string Inline(JsonArray array) => "[" + string.Join(", ", array.Select(Scalar)) + "]";

    private static string Scalar(JsonNode? node) => node is null ? "null" : node.ToJsonString(Relaxed);

    private static void Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);
}
