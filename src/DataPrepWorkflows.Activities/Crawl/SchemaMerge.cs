using DataPrepWorkflows.Catalog;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Merges column lists the way a crawler reconciles files: union by name, widest common type.</summary>
internal static class SchemaMerge
{
    private static readonly string[] IntegerRank = ["tinyint", "smallint", "int", "bigint"];

    public static IReadOnlyList<Column> Merge(IReadOnlyList<Column> first, IReadOnlyList<Column> second)
    {
        var merged = first.ToList();
        foreach (var column in second)
        {
            var at = merged.FindIndex(c => c.Name == column.Name);
            if (at < 0)
            {
                merged.Add(column);
            }
            else if (merged[at].Type != column.Type)
            {
                merged[at] = merged[at] with { Type = Widen(merged[at].Type ?? "string", column.Type ?? "string") };
            }
        }

        return merged;
    }

    /// <summary>The narrowest type both values fit: integers widen to the larger, numbers to double, dates to timestamp, the rest to string.</summary>
    public static string Widen(string a, string b)
    {
        if (a == b)
        {
            return a;
        }

        var ia = Array.IndexOf(IntegerRank, a);
        var ib = Array.IndexOf(IntegerRank, b);
        if (ia >= 0 && ib >= 0)
        {
            return IntegerRank[Math.Max(ia, ib)];
        }

        if (IsNumeric(a) && IsNumeric(b))
        {
            return "double";
        }

        return (a, b) is ("date", "timestamp") or ("timestamp", "date") ? "timestamp" : "string";
    }

    private static bool IsNumeric(string type) =>
        Array.IndexOf(IntegerRank, type) >= 0 || type is "float" or "double" || type.StartsWith("decimal", StringComparison.Ordinal);
}
