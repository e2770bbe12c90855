using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// A numeric column's summary statistics — min/max, moments, percentiles, IQR, MAD, zeros and extreme values — from its
/// grouped values, written in the order the profile JSON lists them.
/// </summary>
internal static class NumericStatistics
{
    public static NumericMoments Write(ProfiledColumn column, NumericValues values, JsonObject target)
    {
        var m = NumericMoments.Of(values);
        Put(target, column, ProfileStatistics.Min, "min", ProfileValues.Json(m.Min));
        Put(target, column, ProfileStatistics.Max, "max", ProfileValues.Json(m.Max));
        Put(target, column, ProfileStatistics.Mean, "mean", ProfileValues.Json(m.Mean));
        Put(target, column, ProfileStatistics.Sum, "sum", ProfileValues.Json(m.Sum));
        Put(target, column, ProfileStatistics.Range, "range", ProfileValues.Json(m.Max - m.Min));
        Put(target, column, ProfileStatistics.Variance, "variance", ProfileValues.Json(m.Variance));
        Put(target, column, ProfileStatistics.StandardDeviation, "standardDeviation", ProfileValues.Json(m.StandardDeviation));
        Put(target, column, ProfileStatistics.Skewness, "skewness", ProfileValues.Json(m.Skewness));
        Put(target, column, ProfileStatistics.Kurtosis, "kurtosis", ProfileValues.Json(m.Kurtosis));
        var settings = column.Settings;
        var median = values.Quantile(0.5);
        Put(target, column, ProfileStatistics.Median, "median", ProfileValues.Json(median));
        var q25 = values.Quantile(0.25);
        var q75 = values.Quantile(0.75);
        if (settings.Has(ProfileStatistics.Percentiles))
        {
            target["percentile5"] = ProfileValues.Json(values.Quantile(0.05));
            target["percentile25"] = ProfileValues.Json(q25);
            target["percentile75"] = ProfileValues.Json(q75);
            target["percentile95"] = ProfileValues.Json(values.Quantile(0.95));
        }

        Put(target, column, ProfileStatistics.InterQuartileRange, "interquartileRange", ProfileValues.Json(q75 - q25));
        if (settings.Has(ProfileStatistics.MedianAbsoluteDeviation))
        {
            target["medianAbsoluteDeviation"] = ProfileValues.Json(median is { } at ? values.MedianAbsoluteDeviation(at) : null);
        }

        if (settings.Has(ProfileStatistics.ZerosCount))
        {
            target["zerosCount"] = Zeros(values);
        }

        Put(target, column, ProfileStatistics.MinimumValues, "minimumValues", Json(values.Smallest(settings.ExtremeValues)));
        Put(target, column, ProfileStatistics.MaximumValues, "maximumValues", Json(values.Largest(settings.ExtremeValues)));
        return m;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Zeros(NumericValues values)
    {
        // -0.0 and 0.0 can both be present when the column is a floating-point one; both are zero.
        long zeros = 0;
        var xs = values.Values;
        for (var i = 0; i < xs.Length; i++)
        {
            if (xs[i] == 0)
            {
                zeros += values.Counts[i];
            }
        }

        return zeros;
    }

    private static JsonArray Json(List<double> values) => [.. values.Select(v => ProfileValues.Json(v))];

    private static void Put(JsonObject target, ProfiledColumn column, string statistic, string name, JsonNode? value)
    {
        if (column.Settings.Has(statistic))
        {
            target[name] = value;
        }
    }
}
