namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>Splits a SQL script into statements at top-level semicolons (not inside quotes or comments).</summary>
internal static class SqlStatements
{
    public static List<string> Split(string sql)
    {
        var statements = new List<string>();
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var close = sql.IndexOf(c, i + 1);
                i = close < 0 ? sql.Length : close + 1;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c == ';')
            {
                Add(sql[start..i]);
                start = ++i;
            }
            else
            {
                i++;
            }
        }

        Add(sql[start..]);
        return statements;

        void Add(string statement)
        {
            if (!IsBlank(statement))
            {
                statements.Add(statement.Trim());
            }
        }
    }

    /// <summary>Whether the statement returns rows (so its result can be written out).</summary>
    public static bool IsQuery(string statement)
    {
        var text = StripLeadingComments(statement);
        return text.StartsWith("select", StringComparison.OrdinalIgnoreCase) || text.StartsWith("with", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("from", StringComparison.OrdinalIgnoreCase) || text.StartsWith("values", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith('(');
    }

    private static bool IsBlank(string statement) => StripLeadingComments(statement).Length == 0;

    private static string StripLeadingComments(string statement)
    {
        var text = statement.TrimStart();
        while (true)
        {
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n', StringComparison.Ordinal);
                text = end < 0 ? string.Empty : text[(end + 1)..].TrimStart();
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", StringComparison.Ordinal);
                text = end < 0 ? string.Empty : text[(end + 2)..].TrimStart();
            }
            else
            {
                return text;
            }
        }
    }
}
