using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Native;
using JintEngine = Jint.Engine;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>Builds plain JavaScript values (objects, arrays, primitives) from JSON; never CLR wrappers.</summary>
internal static class JsonToJs
{
    public static JsValue Convert(JintEngine engine, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject o:
                return new LazyJsonObject(engine, o);
            case JsonArray a:
                return new LazyJsonArray(engine, a);
            case JsonValue v:
                return Primitive(v);
            default:
                return JsValue.Undefined;
        }
    }

    private static JsValue Primitive(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return new JsValue(value.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(value.ToJsonString())!);
            case JsonValueKind.Number:
                return new JsValue(value.TryGetValue<double>(out var d)
                    ? d
                    : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return JsValue.True;
            case JsonValueKind.False:
                return JsValue.False;
            default:
                return JsValue.Null;
        }
    }
}
