namespace DataPrepWorkflows.Activities.Profile;

/// <summary>DataBrew's profile statistic names (<c>IncludedStatistics</c>), as the profile configuration spells them.</summary>
internal static class ProfileStatistics
{
    public const string Min = "MIN";
    public const string Max = "MAX";
    public const string Mean = "MEAN";
    public const string Median = "MEDIAN";
    public const string Mode = "MODE";
    public const string Sum = "SUM";
    public const string Range = "RANGE";
    public const string Variance = "VARIANCE";
    public const string StandardDeviation = "STANDARD_DEVIATION";
    public const string Skewness = "SKEWNESS";
    public const string Kurtosis = "KURTOSIS";
    public const string Entropy = "ENTROPY";
    public const string Percentiles = "PERCENTILES";
    public const string ZerosCount = "ZEROS_COUNT";
    public const string MissingValuesCount = "MISSING_VALUES_COUNT";
    public const string DistinctValuesCount = "DISTINCT_VALUES_COUNT";
    public const string UniqueValuesCount = "UNIQUE_VALUES_COUNT";
    public const string MostCommonValues = "MOST_COMMON_VALUES";
    public const string MinimumValues = "MINIMUM_VALUES";
    public const string MaximumValues = "MAXIMUM_VALUES";
    public const string ValueDistribution = "VALUE_DISTRIBUTION";
    public const string ZScoreDistribution = "Z_SCORE_DISTRIBUTION";
    public const string OutlierDetection = "OUTLIER_DETECTION";
    public const string InterQuartileRange = "INTER_QUARTILE_RANGE";
    public const string MedianAbsoluteDeviation = "MEDIAN_ABSOLUTE_DEVIATION";
    public const string Correlation = "CORRELATION";
    public const string DuplicateRowsCount = "DUPLICATE_ROWS_COUNT";

    /// <summary>Statistics a column can have (dataset-level ones excluded).</summary>
    public static IReadOnlyList<string> ColumnLevel { get; } =
    [
        Min, Max, Mean, Median, Mode, Sum, Range, Variance, StandardDeviation, Skewness, Kurtosis, Entropy, Percentiles,
        ZerosCount, MissingValuesCount, DistinctValuesCount, UniqueValuesCount, MostCommonValues, MinimumValues,
        MaximumValues, ValueDistribution, ZScoreDistribution, OutlierDetection, InterQuartileRange, MedianAbsoluteDeviation,
    ];

    /// <summary>Statistics of the whole dataset.</summary>
    public static IReadOnlyList<string> DatasetLevel { get; } = [Correlation, DuplicateRowsCount];

    /// <summary>Every statistic name the configuration accepts.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>([.. ColumnLevel, .. DatasetLevel], StringComparer.Ordinal);
}
