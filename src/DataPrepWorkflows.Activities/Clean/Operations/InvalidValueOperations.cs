namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>
/// Invalid values: a value is invalid when it is present but cannot be read as columnDataType (a number column holding
/// "n/a"). Replacement statistics are computed over the valid values.
/// </summary>
internal static class InvalidValueOperations
{
    private const string Category = "Invalid values";

    private static readonly OperationParameter Advanced = P.Text("advancedDataType", "DataBrew's advanced type (e.g. EMAIL); accepted for compatibility, validity is judged on columnDataType.", false);

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("REMOVE_INVALID", Category, "Deletes rows whose sourceColumn value is not a valid columnDataType.", [P.Source, P.DataType(), Advanced])
        {
            RemovesRows = true,
            Compiler = s => s.RemoveRows(Invalid(s)),
        };
        yield return Replace("REPLACE_WITH_MEDIAN", "the median of the valid values", [P.Source, P.DataType(false)], s => s.Stat($"median({Valid(s)})"));
        yield return Replace("REPLACE_WITH_AVERAGE", "the average of the valid values", [P.Source, P.DataType(false)], s => s.Stat($"avg({Valid(s)})"));
        yield return Replace("REPLACE_WITH_MOST_FREQUENT", "the most frequent valid value", [P.Source, P.DataType(), Advanced],
            s => $"(SELECT v FROM (SELECT {Valid(s)} AS v, count(*) AS n FROM {s.Source} WHERE {Valid(s)} IS NOT NULL GROUP BY ALL) ORDER BY n DESC, v LIMIT 1)");
        yield return Replace("REPLACE_WITH_MODE", "the mode of the valid values; modeType settles ties (MINIMUM, MAXIMUM, AVERAGE; NONE keeps the value when there is a tie)",
            [P.Source, P.DataType(false), P.Choice("modeType", "How ties between modes are settled.", ["MINIMUM", "MAXIMUM", "AVERAGE", "NONE"], false, "MINIMUM")],
            Mode);
        yield return new("REPLACE_WITH_CUSTOM", Category, "Replaces invalid values of sourceColumn (or of each of sourceColumns) with value.",
            [P.OptionalSource, P.Cols("sourceColumns", "Several columns to treat the same way.", false), P.DataType(), P.Text("value", "The replacement."), Advanced])
        {
            ExactlyOneOf = [["sourceColumn", "sourceColumns"]],
            Compiler = s =>
            {
                var targets = s.Has("sourceColumn") ? [s.Column("sourceColumn")] : s.List("sourceColumns").Select(s.Resolve).ToList();
                var type = s.Choice("columnDataType");
                var columns = s.Columns.Select(c => (c, targets.Contains(c)
                    ? Guard(s, $"CASE WHEN {InvalidOf(Sql.Id(c), type)} THEN {MissingValueOperations.Typed(s.Text("value"), type)} ELSE {Kept(Sql.Id(c), type)} END", c)
                    : Sql.Id(c)));
                return s.Project(columns);
            },
        };
        yield return Replace("REPLACE_WITH_EMPTY", "empty text", [P.Source, P.DataType(), Advanced], _ => "''", asText: true);
        yield return Replace("REPLACE_WITH_NULL", "NULL", [P.Source, P.DataType(), Advanced], _ => "NULL");
    }

    public static string InvalidOf(string column, string dataType) =>
        dataType switch
        {
            "NUMBER" => $"({column} IS NOT NULL AND TRY_CAST({column} AS DOUBLE) IS NULL)",
            "BOOLEAN" => $"({column} IS NOT NULL AND TRY_CAST({column} AS BOOLEAN) IS NULL)",
            "DATE" => $"({column} IS NOT NULL AND TRY_CAST({column} AS DATE) IS NULL)",
            "TIMESTAMP" => $"({column} IS NOT NULL AND TRY_CAST({column} AS TIMESTAMP) IS NULL)",
            _ => "false",
        };

    /// <summary>A valid value, converted to the type the replacement has so both branches agree.</summary>
    private static string Kept(string column, string dataType) => dataType switch
    {
        "NUMBER" => Sql.AsDouble(column),
        "BOOLEAN" => $"TRY_CAST({column} AS BOOLEAN)",
        "DATE" => $"TRY_CAST({column} AS DATE)",
        "TIMESTAMP" => Sql.AsTimestamp(column),
        _ => Sql.AsText(column),
    };

    private static string Invalid(StepContext s) => InvalidOf(s.Col("sourceColumn"), s.Choice("columnDataType"));

    /// <summary>The value as the column's number when valid; statistics of invalid-value steps are numeric.</summary>
    private static string Valid(StepContext s) => Sql.AsDouble(s.Col("sourceColumn"));

    private static string Guard(StepContext s, string expression, string column) =>
        s.Condition is null ? expression : $"CASE WHEN {s.Condition} THEN {expression} ELSE {Sql.Id(column)} END";

    private static string Mode(StepContext s)
    {
        var modes = $"(SELECT v FROM (SELECT {Valid(s)} AS v, count(*) AS n FROM {s.Source} WHERE {Valid(s)} IS NOT NULL GROUP BY ALL) QUALIFY n = max(n) OVER ())";
        return s.Choice("modeType") switch
        {
            "MAXIMUM" => $"(SELECT max(v) FROM {modes})",
            "AVERAGE" => $"(SELECT avg(v) FROM {modes})",
            "NONE" => $"(SELECT CASE WHEN count(*) = 1 THEN min(v) END FROM {modes})",
            _ => $"(SELECT min(v) FROM {modes})",
        };
    }

    private static OperationDefinition Replace(string name, string what, OperationParameter[] parameters, Func<StepContext, string> replacement, bool asText = false) =>
        new(name, Category, $"Replaces invalid values of sourceColumn with {what}.", parameters)
        {
            Compiler = s =>
            {
                var col = s.Col("sourceColumn");
                var type = s.Value("columnDataType")?.ToUpperInvariant() ?? "NUMBER";
                var kept = asText ? Sql.AsText(col) : Kept(col, type);
                return s.Replace(s.Column("sourceColumn"), $"CASE WHEN {InvalidOf(col, type)} THEN {replacement(s)} ELSE {kept} END");
            },
        };
}
