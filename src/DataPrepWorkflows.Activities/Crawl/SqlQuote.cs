namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Quoting for SQL the Glue activities generate; every path and name from a user goes through here.</summary>
internal static class SqlQuote
{
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A DuckDB list of string literals: <c>['a', 'b']</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
