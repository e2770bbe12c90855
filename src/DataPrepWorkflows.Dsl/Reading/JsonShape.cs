using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>Small readers of JSON values that say what they found when it is not what was expected.</summary>
internal static class JsonShape
{
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => IsInteger(v) ? "an integer" : "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
        _ => "a value",
    };

    public static bool TryString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = "";
        return false;
    }

    public static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue<long>(out value))
        {
            return true;
        }

        var number = Number(v);
        if (number == Math.Truncate(number) && Math.Abs(number) < 9.2e18)
        {
            value = (long)number;
            return true;
        }

        return false;
    }

    public static bool TryNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        value = Number(v);
        return true;
    }

    public static bool TryBoolean(JsonNode? node, out bool value)
    {
        value = false;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetValueKind() == JsonValueKind.True;
            return true;
        }

        return false;
    }

    public static bool IsInteger(JsonValue value) => TryInteger(value, out _);

    private static double Number(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}
