using System.Globalization;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Quoting for the SQL the operations generate; every user value reaches DuckDB through these.</summary>
internal static class Sql
{
    /// <summary>The hidden column carrying each row's position, so order-sensitive steps keep DataBrew's row order.</summary>
    public const string RowColumn = "__dpw_row";

    public static string Id(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Str(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Num(double value) =>
        double.IsPositiveInfinity(value) ? "'Infinity'::DOUBLE"
        : double.IsNegativeInfinity(value) ? "'-Infinity'::DOUBLE"
        : value.ToString("R", CultureInfo.InvariantCulture) + "::DOUBLE";

    /// <summary>A value as a double; text that is not a number becomes NULL, as DataBrew treats non-numbers.</summary>
    public static string AsDouble(string expression) => $"TRY_CAST({expression} AS DOUBLE)";

    public static string AsText(string expression) => $"CAST({expression} AS VARCHAR)";

    /// <summary>A value as a timestamp: dates and timestamps as they are, text parsed by DuckDB's ISO rules.</summary>
    public static string AsTimestamp(string expression) => $"TRY_CAST({expression} AS TIMESTAMP)";
}
