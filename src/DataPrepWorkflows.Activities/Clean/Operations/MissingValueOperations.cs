using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Missing values: remove, fill with a statistic or a constant, flag.</summary>
internal static class MissingValueOperations
{
    private const string Category = "Missing values";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("REMOVE_MISSING", Category, "Deletes the rows where sourceColumn is missing (NULL or empty text).", [P.Source])
        {
            RemovesRows = true,
            Compiler = s => s.RemoveRows(s.Missing(s.Column("sourceColumn"))),
        };
        yield return Fill("FILL_WITH_AVERAGE", "the column's average", s => s.Stat($"avg({Sql.AsDouble(s.Col("sourceColumn"))})"));
        yield return Fill("FILL_WITH_MEDIAN", "the column's median", s => s.Stat($"median({Sql.AsDouble(s.Col("sourceColumn"))})"));
        yield return Fill("FILL_WITH_MOST_FREQUENT", "the column's most frequent value (the smallest among ties)", MostFrequent);
        yield return Fill("FILL_WITH_SUM", "the column's sum", s => s.Stat($"sum({Sql.AsDouble(s.Col("sourceColumn"))})"));
        yield return Fill("FILL_WITH_EMPTY", "empty text", _ => "''", asText: true);
        yield return Fill("FILL_WITH_NULL", "NULL (empty text becomes NULL)", _ => "NULL");
        yield return new("FILL_WITH_CUSTOM", Category, "Fills missing values of sourceColumn with value, read as columnDataType.",
            [P.Source, P.DataType(), P.Text("value", "The value to fill with.")])
        {
            Compiler = s => FillWith(s, Typed(s.Text("value"), s.Choice("columnDataType")), s.Choice("columnDataType") is "STRING" or "UNSUPPORTED"),
        };
        yield return new("FLAG_COLUMN_FROM_NULL", Category, "Adds targetColumn: trueString where sourceColumn is missing, falseString elsewhere.",
            [P.Source, P.Target, P.Text("trueString", "Text for missing values.", false, "true"), P.Text("falseString", "Text for present values.", false, "false")])
        {
            Compiler = s => s.AddAfterSource($"CASE WHEN {s.Missing(s.Column("sourceColumn"))} THEN {Sql.Str(s.Text("trueString"))} ELSE {Sql.Str(s.Text("falseString"))} END"),
        };
        yield return new("FILL", Category,
            "Adds targetColumn: sourceColumn, with each missing value taken from the nearest non-missing value up to numRowsBefore rows before, else up to numRowsAfter rows after.",
            [P.Source, P.Integer("numRowsBefore", "How many rows back to look.", false, "0"), P.Integer("numRowsAfter", "How many rows ahead to look.", false, "0"), P.Target])
        {
            Compiler = s =>
            {
                var col = s.Col("sourceColumn");
                var value = $"CASE WHEN {s.Missing(s.Column("sourceColumn"))} THEN NULL ELSE {col} END";
                var before = s.Integer("numRowsBefore");
                var after = s.Integer("numRowsAfter");
                var order = $"ORDER BY {Sql.Id(Sql.RowColumn)}";
                var back = before > 0 ? $"last_value({value} IGNORE NULLS) OVER ({order} ROWS BETWEEN {before} PRECEDING AND 1 PRECEDING)" : "NULL";
                var ahead = after > 0 ? $"first_value({value} IGNORE NULLS) OVER ({order} ROWS BETWEEN 1 FOLLOWING AND {after} FOLLOWING)" : "NULL";
                return s.AddAfterSource($"coalesce({value}, {back}, {ahead})") with { Reorders = true };
            },
        };
    }

    /// <summary>
    /// DataBrew counts NULL and empty text as missing. Only text-like values can be empty, so a column of a type whose
    /// text is never empty (numbers, dates, booleans…) is tested for NULL alone: same answer, without turning every
    /// value into text.
    /// </summary>
    /// <param name="column">The column (quoted SQL).</param>
    /// <param name="type">Its DuckDB type when known.</param>
    public static string Missing(string column, DuckDbType? type = null) =>
        type is { } known && NeverEmptyText(known) ? $"({column} IS NULL)" : $"({column} IS NULL OR CAST({column} AS VARCHAR) = '')";

    public static string MostFrequent(StepContext s)
    {
        var column = s.Col("sourceColumn");
        return $"(SELECT v FROM (SELECT {column} AS v, count(*) AS n FROM {s.Source} WHERE NOT {s.Missing(s.Column("sourceColumn"))} GROUP BY ALL) ORDER BY n DESC, v LIMIT 1)";
    }

    private static bool NeverEmptyText(DuckDbType type) => type is DuckDbType.Boolean or DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer
        or DuckDbType.BigInt or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger or DuckDbType.UBigInt or DuckDbType.HugeInt
        or DuckDbType.UHugeInt or DuckDbType.Float or DuckDbType.Double or DuckDbType.Decimal or DuckDbType.Date or DuckDbType.Time
        or DuckDbType.TimeTz or DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
        or DuckDbType.TimestampTz or DuckDbType.Interval or DuckDbType.Uuid;

    /// <summary>A constant typed as DataBrew's columnDataType says.</summary>
    public static string Typed(string value, string dataType) => dataType switch
    {
        "NUMBER" => $"TRY_CAST({Sql.Str(value)} AS DOUBLE)",
        "BOOLEAN" => $"TRY_CAST({Sql.Str(value)} AS BOOLEAN)",
        "DATE" => $"TRY_CAST({Sql.Str(value)} AS DATE)",
        "TIMESTAMP" => $"TRY_CAST({Sql.Str(value)} AS TIMESTAMP)",
        _ => Sql.Str(value),
    };

    /// <param name="s">The step.</param>
    /// <param name="replacement">The SQL of the fill value.</param>
    /// <param name="asText">The fill value is text, so the column becomes text (a number column cannot hold '').</param>
    public static StepPlan FillWith(StepContext s, string replacement, bool asText = false)
    {
        var col = s.Col("sourceColumn");
        var kept = asText ? Sql.AsText(col) : col;
        return s.Replace(s.Column("sourceColumn"), $"CASE WHEN {s.Missing(s.Column("sourceColumn"))} THEN {replacement} ELSE {kept} END", fills: true);
    }

    private static OperationDefinition Fill(string name, string what, Func<StepContext, string> replacement, bool asText = false) =>
        new(name, Category, $"Fills missing values (NULL or empty) of sourceColumn with {what}.", [P.Source])
        {
            Compiler = s => FillWith(s, replacement(s), asText),
        };
}
