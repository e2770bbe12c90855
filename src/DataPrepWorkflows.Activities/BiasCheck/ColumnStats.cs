namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>How Clarify treats a column's values.</summary>
internal enum BiasDataType
{
    Categorical,
    Continuous,
}

/// <summary>What type detection needs to know about one column, read in one pass.</summary>
/// <param name="Name">The column.</param>
/// <param name="DuckType">DuckDB's type name, for example <c>BIGINT</c>.</param>
/// <param name="Rows">All rows.</param>
/// <param name="NonNull">Rows with a value (pandas' <c>count()</c>).</param>
/// <param name="Distinct">Distinct non-null values (pandas' <c>nunique()</c>).</param>
/// <param name="NotIntegral">Non-null values that do not cast to a 64-bit integer.</param>
/// <param name="Max">The largest value as a number, for continuous columns.</param>
internal sealed record ColumnStats(string Name, string DuckType, long Rows, long NonNull, long Distinct, long NotIntegral, double? Max)
{
    private const double UniquenessThreshold = 0.05;

    private static readonly string[] IntegerTypes = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"];

    /// <summary>Whether DuckDB stores the column as a number.</summary>
    public bool IsNumeric => IsInteger || IsFloat;

    /// <summary>Whether pandas would hold the column as an integer dtype (an integer column with nulls becomes float).</summary>
    public bool IsInteger => IntegerTypes.Contains(DuckType, StringComparer.Ordinal) && NonNull == Rows;

    /// <summary>Whether pandas would hold the column as a float dtype.</summary>
    public bool IsFloat =>
        DuckType is "FLOAT" or "DOUBLE" || DuckType.StartsWith("DECIMAL", StringComparison.Ordinal)
        || (IntegerTypes.Contains(DuckType, StringComparer.Ordinal) && NonNull < Rows);

    /// <summary>Whether DuckDB stores the column as a boolean.</summary>
    public bool IsBoolean => DuckType == "BOOLEAN";

    /// <summary>Whether the values are text that Clarify's <c>to_numeric</c> turns into integers when continuous.</summary>
    public bool IsIntegralText => !IsNumeric && !IsBoolean && NonNull == Rows && NotIntegral == 0 && Rows > 0;

    /// <summary>Clarify's <c>series_datatype</c>: categorical unless numeric with at least 5% distinct values (floats always continuous).</summary>
    public BiasDataType DataType(int configuredValues)
    {
        if (configuredValues > 1 || IsBoolean)
        {
            return BiasDataType.Categorical;
        }

        var uniqueness = NonNull == 0 ? 0.0 : (double)Distinct / NonNull;
        if (IsFloat)
        {
            return BiasDataType.Continuous;
        }

        return (IsInteger || IsIntegralText) && uniqueness >= UniquenessThreshold ? BiasDataType.Continuous : BiasDataType.Categorical;
    }
}
