using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// Values as Python's <c>str()</c> prints them, because Clarify builds its <c>value_or_threshold</c> strings that way
/// (<c>1</c>, <c>1.0</c>, <c>True</c>, <c>(40, 95]</c>).
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>repr</c> of a float: shortest round-trip digits, positional for exponents -4..15.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0 && Math.Abs(value) >= 1e16)
        {
            var digits = text.TrimStart('-');
            var significant = digits.TrimEnd('0');
            var mantissaText = significant.Length == 1 ? significant : significant[..1] + "." + significant[1..];
            return $"{(value < 0 ? "-" : "")}{mantissaText}e+{digits.Length - 1:00}";
        }

        if (e < 0)
        {
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        if (exponent is >= -4 and < 16)
        {
            var expanded = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            return expanded.Contains('.', StringComparison.Ordinal) ? expanded : expanded + ".0";
        }

        return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
    }

    /// <summary>A configured JSON value as Python prints what <c>json.load</c> made of it.</summary>
    public static string Json(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node?.ToJsonString() ?? "None";
        }

        if (value.TryGetValue<string>(out var text))
        {
            return text;
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return flag ? "True" : "False";
        }

        var raw = value.ToJsonString();
        return IsIntegerText(raw) ? raw : Float(double.Parse(raw, CultureInfo.InvariantCulture));
    }

    /// <summary>A value read from DuckDB as Python prints the pandas element.</summary>
    public static string Clr(object? value) => value switch
    {
        null => "nan",
        bool b => b ? "True" : "False",
        double d => Float(d),
        float f => Float(f),
        decimal m => Float((double)m),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whether JSON number text is an integer (Python's <c>json</c> makes it an <c>int</c>).</summary>
    public static bool IsIntegerText(string raw) =>
        !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
}
