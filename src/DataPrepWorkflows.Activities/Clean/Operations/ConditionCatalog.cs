using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>
/// The conditions a step's <c>ConditionExpressions</c> use, as SQL predicates on the target column. Comparisons
/// (LESS_THAN…) are numeric; IS/CONTAINS/STARTS_WITH… compare text; IS_ONE_OF takes a JSON list.
/// </summary>
internal static class ConditionCatalog
{
    private static readonly FrozenDictionary<string, (bool NeedsValue, Func<string, string, string> Predicate)> Table =
        new Dictionary<string, (bool, Func<string, string, string>)>
        {
            ["IS"] = (true, (c, v) => $"{Sql.AsText(c)} = {Sql.Str(v)}"),
            ["IS_NOT"] = (true, (c, v) => $"{Sql.AsText(c)} IS DISTINCT FROM {Sql.Str(v)}"),
            ["IS_ONE_OF"] = (true, (c, v) => $"{Sql.AsText(c)} IN ({List(v)})"),
            ["IS_NOT_ONE_OF"] = (true, (c, v) => $"coalesce({Sql.AsText(c)} NOT IN ({List(v)}), true)"),
            ["CONTAINS"] = (true, (c, v) => $"contains({Sql.AsText(c)}, {Sql.Str(v)})"),
            ["DOES_NOT_CONTAIN"] = (true, (c, v) => $"NOT coalesce(contains({Sql.AsText(c)}, {Sql.Str(v)}), false)"),
            ["STARTS_WITH"] = (true, (c, v) => $"starts_with({Sql.AsText(c)}, {Sql.Str(v)})"),
            ["DOES_NOT_START_WITH"] = (true, (c, v) => $"NOT coalesce(starts_with({Sql.AsText(c)}, {Sql.Str(v)}), false)"),
            ["ENDS_WITH"] = (true, (c, v) => $"ends_with({Sql.AsText(c)}, {Sql.Str(v)})"),
            ["DOES_NOT_END_WITH"] = (true, (c, v) => $"NOT coalesce(ends_with({Sql.AsText(c)}, {Sql.Str(v)}), false)"),
            ["MATCHES"] = (true, (c, v) => $"regexp_full_match({Sql.AsText(c)}, {Sql.Str(v)})"),
            ["LESS_THAN"] = (true, (c, v) => $"{Sql.AsDouble(c)} < {Number(v)}"),
            ["LESS_THAN_EQUAL"] = (true, (c, v) => $"{Sql.AsDouble(c)} <= {Number(v)}"),
            ["GREATER_THAN"] = (true, (c, v) => $"{Sql.AsDouble(c)} > {Number(v)}"),
            ["GREATER_THAN_EQUAL"] = (true, (c, v) => $"{Sql.AsDouble(c)} >= {Number(v)}"),
            ["IS_MISSING"] = (false, (c, _) => MissingValueOperations.Missing(c)),
            ["IS_NOT_MISSING"] = (false, (c, _) => $"NOT {MissingValueOperations.Missing(c)}"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = [.. Table.Keys.Order(StringComparer.Ordinal)];

    public static bool TryGet(string name, out bool needsValue)
    {
        var found = Table.TryGetValue(name, out var entry);
        needsValue = entry.NeedsValue;
        return found;
    }

    /// <summary>The predicate; throws <see cref="FormatException"/> for a value the condition cannot use.</summary>
    public static string Compile(string name, string column, string? value) => "coalesce(" + Table[name].Predicate(column, value ?? "") + ", false)";

    private static string Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Sql.Num(number) : throw new FormatException($"'{value}' is not a number");

    private static string List(string value)
    {
        var items = JsonSerializer.Deserialize<List<JsonElement>>(value) ?? throw new FormatException("expected a JSON list");
        return items.Count == 0 ? "NULL" : string.Join(", ", items.Select(i => Sql.Str(i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText())));
    }
}
