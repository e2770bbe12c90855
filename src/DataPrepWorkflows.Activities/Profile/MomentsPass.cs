using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// The first scan: one wide aggregate over every profiled column — counts, min/max, moments, exact quantiles, median
/// absolute deviation, zeros and the smallest/largest values.
/// </summary>
internal static class MomentsPass
{
    private static readonly double[] Quantiles = [0.05, 0.25, 0.5, 0.75, 0.95];

    public static async Task<long> RunAsync(DuckDbSession session, string table, IReadOnlyList<ProfiledColumn> columns, IReadOnlyDictionary<int, JsonObject> json, Dictionary<int, NumericMoments> moments, CancellationToken cancellationToken)
    {
        var select = new StringBuilder("SELECT count(*)::BIGINT");
        foreach (var column in columns)
        {
            select.Append(CultureInfo.InvariantCulture, $", count({column.Sql})::BIGINT");
            if (column.Kind == ColumnKind.Numeric)
            {
                var x = column.Number;
                var k = column.Settings.ExtremeValues;
                select.Append(CultureInfo.InvariantCulture, $", min({x}), max({x}), avg({x}), sum({x}), var_samp({x}), stddev_samp({x}), skewness({x}), kurtosis({x})");
                select.Append(CultureInfo.InvariantCulture, $", quantile_cont({x}, [{string.Join(", ", Quantiles.Select(ProfileValues.Literal))}]), mad({x}), count_if({x} = 0)::BIGINT");
                select.Append(CultureInfo.InvariantCulture, $", min({x}, {k}), max({x}, {k})");
            }
            else if (column.Kind == ColumnKind.Temporal)
            {
                select.Append(CultureInfo.InvariantCulture, $", CAST(min({column.Sql}) AS VARCHAR), CAST(max({column.Sql}) AS VARCHAR)");
            }
        }

        select.Append(" FROM ").Append(table);
        var rows = await session.QueryAsync(select.ToString(), cancellationToken).ConfigureAwait(false);
        var row = rows.Rows[0];
        var rowCount = ProfileValues.Long(row[0]);
        var at = 1;
        foreach (var column in columns)
        {
            var target = json[column.Index];
            var present = ProfileValues.Long(row[at++]);
            Put(target, column, ProfileStatistics.MissingValuesCount, "missingValuesCount", JsonValue.Create(rowCount - present));
            if (column.Kind == ColumnKind.Numeric)
            {
                at = ReadNumeric(row, at, column, target, moments);
            }
            else if (column.Kind == ColumnKind.Temporal)
            {
                Put(target, column, ProfileStatistics.Min, "min", JsonValue.Create(ProfileValues.Text(row[at++])));
                Put(target, column, ProfileStatistics.Max, "max", JsonValue.Create(ProfileValues.Text(row[at++])));
            }
        }

        return rowCount;
    }

    private static int ReadNumeric(object?[] row, int at, ProfiledColumn column, JsonObject target, Dictionary<int, NumericMoments> moments)
    {
        var min = ProfileValues.Double(row[at++]);
        var max = ProfileValues.Double(row[at++]);
        Put(target, column, ProfileStatistics.Min, "min", ProfileValues.Json(min));
        Put(target, column, ProfileStatistics.Max, "max", ProfileValues.Json(max));
        var mean = ProfileValues.Double(row[at++]);
        Put(target, column, ProfileStatistics.Mean, "mean", ProfileValues.Json(mean));
        Put(target, column, ProfileStatistics.Sum, "sum", ProfileValues.Json(ProfileValues.Double(row[at++])));
        Put(target, column, ProfileStatistics.Range, "range", ProfileValues.Json(max - min));
        Put(target, column, ProfileStatistics.Variance, "variance", ProfileValues.Json(ProfileValues.Double(row[at++])));
        var deviation = ProfileValues.Double(row[at++]);
        Put(target, column, ProfileStatistics.StandardDeviation, "standardDeviation", ProfileValues.Json(deviation));
        moments[column.Index] = new NumericMoments(min, max, mean, deviation);
        Put(target, column, ProfileStatistics.Skewness, "skewness", ProfileValues.Json(ProfileValues.Double(row[at++])));
        Put(target, column, ProfileStatistics.Kurtosis, "kurtosis", ProfileValues.Json(ProfileValues.Double(row[at++])));
        var quantiles = (row[at++] as object?[])?.Select(ProfileValues.Double).ToArray() ?? new double?[Quantiles.Length];
        Put(target, column, ProfileStatistics.Median, "median", ProfileValues.Json(quantiles[2]));
        if (column.Settings.Has(ProfileStatistics.Percentiles))
        {
            target["percentile5"] = ProfileValues.Json(quantiles[0]);
            target["percentile25"] = ProfileValues.Json(quantiles[1]);
            target["percentile75"] = ProfileValues.Json(quantiles[3]);
            target["percentile95"] = ProfileValues.Json(quantiles[4]);
        }

        Put(target, column, ProfileStatistics.InterQuartileRange, "interquartileRange", ProfileValues.Json(quantiles[3] - quantiles[1]));
        Put(target, column, ProfileStatistics.MedianAbsoluteDeviation, "medianAbsoluteDeviation", ProfileValues.Json(ProfileValues.Double(row[at++])));
        Put(target, column, ProfileStatistics.ZerosCount, "zerosCount", JsonValue.Create(ProfileValues.Long(row[at++])));
        Put(target, column, ProfileStatistics.MinimumValues, "minimumValues", ProfileValues.Doubles(row[at++]));
        Put(target, column, ProfileStatistics.MaximumValues, "maximumValues", ProfileValues.Doubles(row[at++]));
        return at;
    }

    private static void Put(JsonObject target, ProfiledColumn column, string statistic, string name, JsonNode? value)
    {
        if (column.Settings.Has(statistic))
        {
            target[name] = value;
        }
    }
}
