using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Equal-width value histograms, z-score histograms and z-score outliers, from a column's grouped values and its
/// moments: each distinct value lands in its bucket once, weighted by its count.
/// </summary>
internal static class NumericDistribution
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(ProfiledColumn column, NumericValues values, NumericMoments m, JsonObject target)
    {
        if (!column.NeedsDistribution || m.Min is not { } min || m.Max is not { } max)
        {
            return;
        }

        var settings = column.Settings;
        var xs = values.Ordered;
        var counts = values.Counts;
        if (settings.Has(ProfileStatistics.ValueDistribution))
        {
            var bins = max > min ? settings.Bins : 1;
            var width = (max - min) / bins;
            var histogram = new long[bins];
            for (var i = 0; i < xs.Length; i++)
            {
                histogram[bins == 1 ? 0 : (int)Math.Min(Math.Floor((xs[i] - min) / width), bins - 1)] += counts[i];
            }

            target["valueDistribution"] = Buckets(histogram, b => JsonValue.Create(min + (b * width)), b => JsonValue.Create(b == bins - 1 ? max : min + ((b + 1) * width)));
        }

        if (m.StandardDeviation is not { } s || s == 0 || m.Mean is not { } mean)
        {
            return;
        }

        if (settings.Has(ProfileStatistics.ZScoreDistribution))
        {
            var histogram = new long[8];
            for (var i = 0; i < xs.Length; i++)
            {
                histogram[(int)Math.Clamp(Math.Floor((xs[i] - mean) / s), -4, 3) + 4] += counts[i];
            }

            target["zScoreDistribution"] = Buckets(
                histogram,
                b => b == 0 ? JsonValue.Create("-inf") : JsonValue.Create((double)(b - 4)),
                b => b == 7 ? JsonValue.Create("inf") : JsonValue.Create((double)(b - 3)));
        }

        if (settings.Has(ProfileStatistics.OutlierDetection))
        {
            var (count, sample) = Outliers(values, mean, s, settings.OutlierThreshold, settings.OutlierSample);
            target["zScoreOutliersCount"] = count;
            target["zScoreOutliersSample"] = new JsonArray([.. sample.Select(v => ProfileValues.Json(v))]);
        }
    }

    /// <summary>
    /// Values with |z| above the threshold, and the most extreme of them (largest |z| first): the extremes of a sorted
    /// column are at its two ends, so the sample is a merge walking inwards from both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (long Count, List<double> Sample) Outliers(NumericValues values, double mean, double s, double threshold, int size)
    {
        var ordered = values.Ordered.Length;
        var counts = values.Counts;
        double Z(int i) => Math.Abs((values.Values[i] - mean) / s);
        long count = 0;
        for (var i = 0; i < ordered; i++)
        {
            count += Z(i) > threshold ? counts[i] : 0;
        }

        var sample = new List<double>(size);
        int left = 0, right = ordered - 1;
        while (sample.Count < size && left <= right)
        {
            var index = Z(right) >= Z(left) ? right-- : left++;
            if (Z(index) <= threshold)
            {
                break;
            }

            for (long n = 0; n < counts[index] && sample.Count < size; n++)
            {
                sample.Add(values.Values[index]);
            }
        }

        return (count, sample);
    }

    private static JsonArray Buckets(long[] counts, Func<int, JsonNode> low, Func<int, JsonNode> high) =>
        [.. counts.Select((c, b) => (JsonNode)new JsonObject
        {
            ["bucket"] = new JsonArray(low(b), high(b)),
            ["count"] = c,
        })];
}
