namespace DataPrepWorkflows.Activities.Profile;

/// <summary>How a column is profiled: numbers get moments, quantiles and histograms; dates and times get min/max.</summary>
internal enum ColumnKind
{
    Numeric,
    Temporal,
    Other,
}

/// <summary>One column being profiled: its position in the queries, name, type and settings.</summary>
internal sealed record ProfiledColumn(int Index, string Name, string GlueType, ColumnKind Kind, ColumnProfileSettings Settings)
{
    public string Sql { get; } = Quote(Name);

    /// <summary>The column as DOUBLE, so every numeric type shares one set of aggregates.</summary>
    public string Number => $"CAST({Sql} AS DOUBLE)";

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static ColumnKind KindOf(string glueType) => glueType switch
    {
        "tinyint" or "smallint" or "int" or "bigint" or "float" or "double" => ColumnKind.Numeric,
        _ when glueType.StartsWith("decimal", StringComparison.Ordinal) => ColumnKind.Numeric,
        "date" or "timestamp" => ColumnKind.Temporal,
        _ => ColumnKind.Other,
    };

    /// <summary>Whether the group-by query (distinct, unique, most common, mode, entropy) is needed.</summary>
    public bool NeedsFrequencies => Settings.HasAny(
        ProfileStatistics.DistinctValuesCount, ProfileStatistics.UniqueValuesCount, ProfileStatistics.MostCommonValues,
        ProfileStatistics.Mode, ProfileStatistics.Entropy);

    /// <summary>Whether the column's values are grouped: for anything beyond the missing count (dates: min, max or frequencies).</summary>
    public bool NeedsValues => Kind switch
    {
        ColumnKind.Numeric => Settings.Included.Any(s => s != ProfileStatistics.MissingValuesCount),
        ColumnKind.Temporal => NeedsFrequencies || Settings.HasAny(ProfileStatistics.Min, ProfileStatistics.Max),
        _ => NeedsFrequencies,
    };

    /// <summary>Whether histograms, z-scores or outliers are asked for.</summary>
    public bool NeedsDistribution => Kind == ColumnKind.Numeric && Settings.HasAny(
        ProfileStatistics.ValueDistribution, ProfileStatistics.ZScoreDistribution, ProfileStatistics.OutlierDetection);
}
