namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Column structure: delete, rename, duplicate, move, sort rows.</summary>
internal static class ColumnOperations
{
    private const string Category = "Column structure";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("DELETE", Category, "Removes sourceColumn (or every column in sourceColumns).",
            [P.OptionalSource, P.Cols("sourceColumns", "JSON list of columns to remove.", false)])
        {
            ExactlyOneOf = [["sourceColumn", "sourceColumns"]],
            Compiler = s =>
            {
                var gone = (s.Has("sourceColumn") ? [s.Column("sourceColumn")] : s.List("sourceColumns").Select(s.Resolve)).ToHashSet(StringComparer.Ordinal);
                return s.Project(s.Columns.Where(c => !gone.Contains(c)).Select(c => (c, Sql.Id(c))));
            },
        };
        yield return new("RENAME", Category, "Renames sourceColumn to targetColumn.", [P.Source, P.Target])
        {
            Compiler = s => s.Project(s.Columns.Select(c => (c == s.Column("sourceColumn") ? s.Text("targetColumn") : c, Sql.Id(c)))),
        };
        yield return new("DUPLICATE", Category, "Adds targetColumn, a copy of sourceColumn, right after it.", [P.Source, P.Target])
        {
            Compiler = s => s.Add(s.Column("sourceColumn"), (s.Text("targetColumn"), s.Col("sourceColumn"))),
        };
        yield return new("MOVE_AFTER", Category, "Moves sourceColumn to just after targetColumn.", [P.Source, P.Col("targetColumn", "The column to move after.")])
        {
            Compiler = s => Move(s, s.Column("targetColumn"), after: true),
        };
        yield return new("MOVE_BEFORE", Category, "Moves sourceColumn to just before targetColumn.", [P.Source, P.Col("targetColumn", "The column to move before.")])
        {
            Compiler = s => Move(s, s.Column("targetColumn"), after: false),
        };
        yield return new("MOVE_TO_START", Category, "Moves sourceColumn to the first position.", [P.Source])
        {
            Compiler = s => Order(s, [s.Column("sourceColumn"), .. s.Columns.Where(c => c != s.Column("sourceColumn"))]),
        };
        yield return new("MOVE_TO_END", Category, "Moves sourceColumn to the last position.", [P.Source])
        {
            Compiler = s => Order(s, [.. s.Columns.Where(c => c != s.Column("sourceColumn")), s.Column("sourceColumn")]),
        };
        yield return new("MOVE_TO_INDEX", Category, "Moves sourceColumn to position targetIndex (0 is first).", [P.Source, P.Integer("targetIndex", "The new 0-based position.")])
        {
            Compiler = s =>
            {
                var rest = s.Columns.Where(c => c != s.Column("sourceColumn")).ToList();
                rest.Insert(Math.Clamp(s.Integer("targetIndex"), 0, rest.Count), s.Column("sourceColumn"));
                return Order(s, rest);
            },
        };
        yield return new("SORT", Category,
            "Sorts the rows by expressions: a JSON list of {sourceColumn, ordering ASCENDING|DESCENDING, nullsOrdering NULLS_TOP|NULLS_BOTTOM, customOrder[], isCustomOrderCaseSensitive}.",
            [P.List("expressions", "The sort keys, first key first.")])
        {
            Compiler = SortOperation.Compile,
        };
    }

    private static StepPlan Move(StepContext s, string anchor, bool after)
    {
        var moving = s.Column("sourceColumn");
        var order = new List<string>();
        foreach (var c in s.Columns.Where(c => c != moving))
        {
            if (c == anchor && !after)
            {
                order.Add(moving);
            }

            order.Add(c);
            if (c == anchor && after)
            {
                order.Add(moving);
            }
        }

        return Order(s, order);
    }

    private static StepPlan Order(StepContext s, IEnumerable<string> order) => s.Project(order.Select(c => (c, Sql.Id(c))));
}
