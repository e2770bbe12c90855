using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Validation;

/// <summary>Whether a literal JSON value has one of the declared input types (<see cref="InputTypes"/>).</summary>
internal static class InputTypeCheck
{
    public static bool Matches(JsonNode? value, string type)
    {
        if (value is null)
        {
            return true;
        }

        return type switch
        {
            InputTypes.String => IsString(value),
            InputTypes.Integer => value is JsonValue v && JsonShape.IsInteger(v),
            InputTypes.Number => JsonShape.TryNumber(value, out _),
            InputTypes.Boolean => JsonShape.TryBoolean(value, out _),
            InputTypes.Object => value is JsonObject,
            InputTypes.Array => value is JsonArray,
            InputTypes.Duration => JsonShape.TryString(value, out var d) && IsoDuration.TryParse(d, out _),
            InputTypes.DateTime => JsonShape.TryString(value, out var t)
                && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
                && t.Contains('T', StringComparison.Ordinal),
            _ => true,
        };
    }

    /// <summary>An example of a value of <paramref name="type"/>, for messages.</summary>
    public static string Example(string type) => type switch
    {
        InputTypes.String => "\"text\"",
        InputTypes.Integer => "42",
        InputTypes.Number => "0.95",
        InputTypes.Boolean => "true",
        InputTypes.Object => "{\"key\": \"value\"}",
        InputTypes.Array => "[\"a\", \"b\"]",
        InputTypes.Duration => "\"PT10M\"",
        InputTypes.DateTime => "\"2024-01-31T12:00:00Z\"",
        _ => "any JSON value",
    };

    private static bool IsString(JsonNode value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
