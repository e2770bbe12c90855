using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>A row predicate in SQL (never null) and the group as Clarify prints it.</summary>
/// <param name="Predicate">A boolean SQL expression; rows with a null value are not selected.</param>
/// <param name="ValueOrThreshold">The comma-joined values, or the intervals such as <c>(40, 95]</c>.</param>
internal sealed record Selection(string Predicate, string ValueOrThreshold);

/// <summary>
/// Turns configured values into row selections as Clarify does: categorical columns select rows equal to any value
/// (values converted to the column's type); continuous columns select rows inside the right-closed intervals made
/// from the threshold and the column maximum (so a single threshold t selects <c>t &lt; v ≤ max</c>).
/// </summary>
internal static class ColumnSelection
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static Selection Categorical(ColumnStats column, IReadOnlyList<JsonNode> values)
    {
        var literals = values.Select(v => ValueLiteral(column, v)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var predicate = literals.Count == 0 ? "false" : $"COALESCE({Identifier(column.Name)} IN ({string.Join(", ", literals)}), false)";
        return new Selection(predicate, string.Join(",", values.Select(PythonText.Json)));
    }

    public static Selection Continuous(ColumnStats column, IReadOnlyList<JsonNode> values, string field)
    {
        if (values.Count == 0)
        {
            throw new BiasCheckException(BiasErrors.InvalidColumn, $"{field}: column '{column.Name}' is continuous: Threshold values must be provided for continuous features.");
        }

        var (threshold, integral) = Threshold(values[0], field);
        if (column.Max is not { } max)
        {
            throw new BiasCheckException(BiasErrors.InvalidColumn, $"{field}: column '{column.Name}' has no values to compare with the threshold.");
        }

        var breaks = new List<double> { threshold };
        if (Math.Abs(max) != threshold)
        {
            breaks.Add(max);
        }

        breaks.Sort();
        integral = integral && (column.IsInteger || column.IsIntegralText);
        var value = column.IsNumeric ? Identifier(column.Name) : $"TRY_CAST({Identifier(column.Name)} AS BIGINT)";
        var tests = new List<string>();
        var intervals = new List<string>();
        for (var i = 1; i < breaks.Count; i++)
        {
            tests.Add($"({value} > {Number(breaks[i - 1])} AND {value} <= {Number(breaks[i])})");
            intervals.Add($"({Format(breaks[i - 1], integral)}, {Format(breaks[i], integral)}]");
        }

        var predicate = tests.Count == 0 ? "false" : $"COALESCE({string.Join(" OR ", tests)}, false)";
        return new Selection(predicate, string.Join(",", intervals));
    }

    private static (double Value, bool Integral) Threshold(JsonNode value, string field)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? (parsed, false)
                : throw new BiasCheckException(BiasErrors.InvalidColumn, $"{field}: Facet/label value provided must be a single numeric threshold for continuous data ('{text}' is not a number).");
        }

        var raw = value.ToJsonString();
        if (value is JsonValue number && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            return (threshold, PythonText.IsIntegerText(raw));
        }

        throw new BiasCheckException(BiasErrors.InvalidColumn, $"{field}: Facet/label value provided must be a single numeric threshold for continuous data ({raw}).");
    }

    private static string? ValueLiteral(ColumnStats column, JsonNode value)
    {
        var node = (JsonValue)value;
        var isText = node.TryGetValue<string>(out var text);
        var isFlag = node.TryGetValue<bool>(out var flag);
        var raw = node.ToJsonString();
        if (column.IsBoolean)
        {
            return isFlag ? (flag ? "true" : "false")
                : isText && bool.TryParse(text, out var parsed) ? (parsed ? "true" : "false")
                : raw is "1" or "0" ? (raw == "1" ? "true" : "false")
                : null;
        }

        if (column.IsNumeric)
        {
            return isFlag ? (flag ? "1" : "0")
                : isText ? (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? Number(parsed) : null)
                : Number(double.Parse(raw, CultureInfo.InvariantCulture));
        }

        return Literal(PythonText.Json(value));
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "::DOUBLE";

    private static string Format(double value, bool integral) =>
        integral ? ((long)value).ToString(CultureInfo.InvariantCulture) : PythonText.Float(value);
}
