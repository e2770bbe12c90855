using System.Globalization;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>Quoting for the SQL the evaluator generates; every column name and value from a ruleset goes through here.</summary>
internal static class DqSql
{
    /// <summary>
    /// The table CustomSql statements use for the dataset under evaluation, as in Glue, quoted because
    /// <c>primary</c> is a reserved word in DuckDB.
    /// </summary>
    public const string Primary = "\"primary\"";

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(double value) => double.IsFinite(value)
        ? "CAST(" + value.ToString("R", CultureInfo.InvariantCulture) + " AS DOUBLE)"
        : double.IsNaN(value) ? "CAST('nan' AS DOUBLE)" : value > 0 ? "CAST('inf' AS DOUBLE)" : "CAST('-inf' AS DOUBLE)";

    public static string Integer(long value) => "CAST(" + value.ToString(CultureInfo.InvariantCulture) + " AS BIGINT)";

    public static string Timestamp(DateTimeOffset value) =>
        "TIMESTAMP '" + value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "'";

    /// <summary>A <c>where "…"</c> clause as a predicate that is false (never NULL) for rows outside it.</summary>
    public static string Where(string? clause) => clause is null ? "true" : "coalesce((" + clause + "), false)";

    /// <summary>
    /// Rows meeting <paramref name="predicate"/> within a <c>where</c> clause. <c>count_if</c> counts what
    /// <c>count(*) FILTER (WHERE …)</c> counts at a fraction of DuckDB's cost per row, which adds up over dozens of
    /// rules in one scan.
    /// </summary>
    public static string CountIf(string predicate, string? clause) =>
        clause is null ? "count_if(" + Counted(predicate) + ")" : "count_if(" + Counted(predicate) + " AND " + Where(clause) + ")";

    /// <summary>
    /// A predicate as <c>count_if</c> needs it: <c>count_if</c> counts TRUE only, so the <c>coalesce(…, false)</c> that
    /// keeps a whole predicate from being NULL (for negation and row-level outputs) changes no count there, and
    /// without it DuckDB saves a per-row pass. Anything but one such call around the whole predicate stays as it is.
    /// </summary>
    internal static string Counted(string predicate)
    {
        var inner = predicate;
        while (inner.Length > 2 && inner[0] == '(' && Close(inner, 0) == inner.Length - 1)
        {
            inner = inner[1..^1];
        }

        const string open = "coalesce(";
        const string tail = ", false";
        if (!inner.StartsWith(open, StringComparison.Ordinal) || Close(inner, open.Length - 1) != inner.Length - 1
            || !inner.EndsWith(tail + ")", StringComparison.Ordinal))
        {
            return predicate;
        }

        var argument = inner[open.Length..^(tail.Length + 1)];
        return TopLevelComma(argument) ? predicate : argument;
    }

    /// <summary>Rows within a <c>where</c> clause.</summary>
    public static string CountRows(string? clause) => clause is null ? "count(*)" : "count_if(" + Where(clause) + ")";

    /// <summary>Rows within a <c>where</c> clause where <paramref name="value"/> is not NULL.</summary>
    public static string CountPresent(string value, string? clause) =>
        clause is null ? "count(" + value + ")" : CountIf(value + " IS NOT NULL", clause);

    /// <summary>The FILTER part of an aggregate restricted to a <c>where</c> clause.</summary>
    public static string Filter(string? clause) => clause is null ? string.Empty : " FILTER (WHERE " + Where(clause) + ")";

    /// <summary>The position of the parenthesis closing the one at <paramref name="start"/>, skipping quoted text; -1 when none.</summary>
    private static int Close(string sql, int start)
    {
        var depth = 0;
        for (var i = start; i < sql.Length; i++)
        {
            switch (sql[i])
            {
                case '\'' or '"':
                    i = sql.IndexOf(sql[i], i + 1);
                    if (i < 0)
                    {
                        return -1;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }

    private static bool TopLevelComma(string sql)
    {
        for (var i = 0; i < sql.Length; i++)
        {
            switch (sql[i])
            {
                case ',':
                    return true;
                case '(':
                    i = Close(sql, i);
                    if (i < 0)
                    {
                        return true;
                    }

                    break;
                case '\'' or '"':
                    i = sql.IndexOf(sql[i], i + 1);
                    if (i < 0)
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    public static double? ToDouble(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        short s => s,
        sbyte b => b,
        byte b => b,
        ulong u => u,
        uint u => u,
        ushort u => u,
        decimal m => (double)m,
        Int128 h => (double)h,
        UInt128 h => (double)h,
        bool b => b ? 1 : 0,
        _ => double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
    };

    /// <summary>A number as Glue prints metric values in failure reasons (Java's <c>Double.toString</c> for common values).</summary>
    public static string Show(double? value) => value switch
    {
        null => "null",
        { } v when double.IsFinite(v) && v == Math.Floor(v) && Math.Abs(v) < 1e7 => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v => v.ToString("R", CultureInfo.InvariantCulture),
    };
}
