namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Duplicates: the first occurrence (in row order) is kept or left unflagged.</summary>
internal static class DuplicateOperations
{
    private const string Category = "Duplicates";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("REMOVE_DUPLICATES", Category, "Deletes every row whose sourceColumn value already appeared in an earlier row.", [P.Source])
        {
            RemovesRows = true,
            Compiler = s => Dedupe(s, s.Col("sourceColumn")),
        };
        yield return new("DELETE_DUPLICATE_ROWS", Category, "Deletes rows that repeat an earlier row exactly (all columns).", [])
        {
            RemovesRows = true,
            Compiler = s => s.Condition is null ? FirstOfEachRow(s) : Dedupe(s, AllColumns(s)),
        };
        yield return new("FLAG_DUPLICATE_ROWS", Category, "Adds targetColumn: trueString for rows repeating an earlier row exactly, falseString otherwise.",
            [P.Target, P.Text("trueString", "Text for duplicates.", false, "true"), P.Text("falseString", "Text for first occurrences.", false, "false")])
        {
            Compiler = s => Flag(s, AllColumns(s), null),
        };
        yield return new("FLAG_DUPLICATES_IN_COLUMN", Category, "Adds targetColumn: trueString where sourceColumn repeats a value of an earlier row, falseString otherwise.",
            [P.Source, P.Target, P.Text("trueString", "Text for duplicates.", false, "true"), P.Text("falseString", "Text for first occurrences.", false, "false")])
        {
            Compiler = s => Flag(s, s.Col("sourceColumn"), s.Column("sourceColumn")),
        };
    }

    private static string AllColumns(StepContext s) => string.Join(", ", s.Columns.Select(Sql.Id));

    /// <summary>Exact duplicates by grouping on every column (a hash aggregate, cheaper than a window over all columns).</summary>
    private static StepPlan FirstOfEachRow(StepContext s)
    {
        var columns = AllColumns(s);
        var select = $"SELECT {columns}, min({Sql.Id(Sql.RowColumn)}) AS {Sql.Id(Sql.RowColumn)} FROM {s.Source} GROUP BY {columns}";
        return new StepPlan(select, s.Columns) { RemovesRows = true, Reorders = true, DuplicatesOf = columns };
    }

    private static string Occurrence(string partition) =>
        $"row_number() OVER (PARTITION BY {partition} ORDER BY {Sql.Id(Sql.RowColumn)})";

    private static StepPlan Dedupe(StepContext s, string partition)
    {
        // The condition limits which rows may be deleted; a row failing it always stays.
        var keep = s.Condition is null ? $"{Occurrence(partition)} = 1" : $"{Occurrence(partition)} = 1 OR NOT coalesce({s.Condition}, false)";
        return s.Project(s.Columns.Select(c => (c, Sql.Id(c))), $"QUALIFY {keep}") with { RemovesRows = true, Reorders = true };
    }

    private static StepPlan Flag(StepContext s, string partition, string? after) =>
        s.Add(after, (s.Text("targetColumn"), $"CASE WHEN {Occurrence(partition)} > 1 THEN {Sql.Str(s.Text("trueString"))} ELSE {Sql.Str(s.Text("falseString"))} END"))
            with
        { Reorders = true };
}
