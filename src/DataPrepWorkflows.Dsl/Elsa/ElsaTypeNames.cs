using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Our JSON types (<see cref="InputTypes"/>) and Elsa 3's <c>typeName</c> aliases. Each of our types has exactly one
/// alias, so a definition exported and imported again keeps its types; Elsa's other aliases map to the nearest type.
/// </summary>
internal static class ElsaTypeNames
{
    private static readonly Dictionary<string, string> ToElsaNames = new(StringComparer.Ordinal)
    {
        [InputTypes.String] = "String",
        [InputTypes.Integer] = "Int64",
        [InputTypes.Number] = "Double",
        [InputTypes.Boolean] = "Boolean",
        [InputTypes.Object] = "JsonObject",
        [InputTypes.Array] = "JsonArray",
        [InputTypes.Duration] = "TimeSpan",
        [InputTypes.DateTime] = "DateTimeOffset",
        [InputTypes.Any] = "Object",
    };

    private static readonly Dictionary<string, string> FromElsaNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = InputTypes.String,
        ["Guid"] = InputTypes.String,
        ["Int16"] = InputTypes.Integer,
        ["Int32"] = InputTypes.Integer,
        ["Int64"] = InputTypes.Integer,
        ["Long"] = InputTypes.Integer,
        ["Single"] = InputTypes.Number,
        ["Double"] = InputTypes.Number,
        ["Decimal"] = InputTypes.Number,
        ["Boolean"] = InputTypes.Boolean,
        ["JSON"] = InputTypes.Object,
        ["JsonObject"] = InputTypes.Object,
        ["ObjectMap"] = InputTypes.Object,
        ["StringMap"] = InputTypes.Object,
        ["ObjectDictionary"] = InputTypes.Object,
        ["StringDictionary"] = InputTypes.Object,
        ["JsonArray"] = InputTypes.Array,
        ["TimeSpan"] = InputTypes.Duration,
        ["DateTime"] = InputTypes.DateTime,
        ["DateTimeOffset"] = InputTypes.DateTime,
        ["Object"] = InputTypes.Any,
        ["JsonElement"] = InputTypes.Any,
        ["JsonNode"] = InputTypes.Any,
    };

    /// <summary>The Elsa alias of one of our types; <c>null</c> for a type we do not know.</summary>
    public static string? ToElsa(string type) => ToElsaNames.GetValueOrDefault(type);

    /// <summary>Our type for an Elsa alias (<c>"Int32?"</c>, <c>"String[]"</c>, <c>"List&lt;String&gt;"</c> included).</summary>
    public static string FromElsa(string? typeName, bool isArray = false)
    {
        if (isArray || typeName is null)
        {
            return isArray ? InputTypes.Array : InputTypes.Any;
        }

        var name = typeName.TrimEnd('?');
        if (name.EndsWith("[]", StringComparison.Ordinal) || name.Contains('<', StringComparison.Ordinal))
        {
            return InputTypes.Array;
        }

        return FromElsaNames.GetValueOrDefault(name, InputTypes.Any);
    }

    /// <summary>Whether the alias names a number type (whose literals Elsa may keep as strings, such as <c>"4"</c>).</summary>
    public static bool IsNumber(string? typeName) =>
        typeName is not null && FromElsa(typeName) is InputTypes.Integer or InputTypes.Number;

    /// <summary>The alias describing a literal value as written.</summary>
    public static string OfLiteral(JsonNode? value) => value switch
    {
        JsonArray a when a.Count > 0 && a.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String) => "String[]",
        JsonArray => "JsonArray",
        JsonObject => "JsonObject",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "String",
            JsonValueKind.True or JsonValueKind.False => "Boolean",
            JsonValueKind.Number when v.ToJsonString().All(c => char.IsAsciiDigit(c) || c == '-') => "Int64",
            JsonValueKind.Number => "Double",
            _ => "Object",
        },
        _ => "Object",
    };
}
