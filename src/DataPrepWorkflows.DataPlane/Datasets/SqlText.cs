namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>Quoting for the SQL the data plane generates; every user-provided name or path goes through here.</summary>
internal static class SqlText
{
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Bool(bool value) => value ? "true" : "false";
}
