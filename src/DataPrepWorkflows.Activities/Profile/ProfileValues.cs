using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>Conversions from query values to profile JSON; non-finite numbers become null because JSON has none.</summary>
internal static class ProfileValues
{
    public static double? Double(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    public static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    public static JsonNode? Json(double? value) =>
        value is { } d && double.IsFinite(d) ? JsonValue.Create(d) : null;

    public static JsonArray Doubles(object? list) =>
        [.. (list as object?[] ?? []).Select(v => Json(Double(v)))];

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
