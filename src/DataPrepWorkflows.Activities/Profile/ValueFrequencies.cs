using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// What a column's value counts say: distinct and unique counts, entropy in bits, and the most common values (most
/// frequent first, ties broken by the smaller value), whose first entry is the mode.
/// </summary>
internal sealed record ValueFrequencies(long Distinct, long Unique, double? Entropy, IReadOnlyList<(JsonNode? Value, long Count)> MostCommon)
{
    /// <summary>How many most common values a column keeps: its setting, and at least one for the mode.</summary>
    public static int Kept(ColumnProfileSettings settings) =>
        Math.Max(1, settings.Has(ProfileStatistics.MostCommonValues) ? settings.MostCommonValues : 1);

    /// <summary>Entropy from the count sum and Σ c·log2(c), as log2(n) − Σ c·log2(c) / n (never below 0).</summary>
    public static double? EntropyOf(double total, double weightedLogs) =>
        total > 0 ? Math.Max(0, Math.Log2(total) - (weightedLogs / total)) : null;

    /// <summary>From a numeric column's grouped values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ValueFrequencies Of(NumericValues values, int kept)
    {
        var counts = values.Counts;
        var weightedLogs = 0.0;
        foreach (var c in counts)
        {
            weightedLogs += c * Math.Log2(c);
        }

        return new ValueFrequencies(values.Distinct, values.Unique, EntropyOf(values.Count, weightedLogs), TopValues(values, kept));
    }

    public void Write(ProfiledColumn column, JsonObject target)
    {
        var settings = column.Settings;
        if (settings.Has(ProfileStatistics.DistinctValuesCount))
        {
            target["distinctValuesCount"] = Distinct;
        }

        if (settings.Has(ProfileStatistics.UniqueValuesCount))
        {
            target["uniqueValuesCount"] = Unique;
        }

        if (settings.Has(ProfileStatistics.Entropy))
        {
            target["entropy"] = ProfileValues.Json(Entropy);
        }

        if (settings.Has(ProfileStatistics.MostCommonValues))
        {
            target["mostCommonValues"] = new JsonArray([.. MostCommon.Select(v => (JsonNode)new JsonObject
            {
                ["value"] = v.Value?.DeepClone(),
                ["count"] = v.Count,
            })]);
        }

        if (settings.Has(ProfileStatistics.Mode))
        {
            target["mode"] = MostCommon.Count > 0 ? MostCommon[0].Value?.DeepClone() : null;
        }
    }

    /// <summary>
    /// The top <paramref name="kept"/> by count with a bounded heap: O(distinct · log kept), no full sort. Values are
    /// ascending, so among equal counts the smaller index is the smaller value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<(JsonNode? Value, long Count)> TopValues(NumericValues values, int kept)
    {
        var counts = values.Counts;
        var heap = new PriorityQueue<int, (long Count, int Index)>(kept + 1, WeakestFirst.Instance);
        for (var i = 0; i < counts.Length; i++)
        {
            if (heap.Count < kept)
            {
                heap.Enqueue(i, (counts[i], i));
            }
            else if (heap.TryPeek(out _, out var weakest) && WeakestFirst.Instance.Compare((counts[i], i), weakest) > 0)
            {
                heap.EnqueueDequeue(i, (counts[i], i));
            }
        }

        var chosen = new List<(long Count, int Index)>(heap.Count);
        while (heap.TryDequeue(out var index, out _))
        {
            chosen.Add((counts[index], index));
        }

        chosen.Reverse();
        return [.. chosen.Select(c => (ProfileValues.Json(values.Values[c.Index]), c.Count))];
    }

    /// <summary>Orders entries from least to most common; among equal counts the larger value is the lesser entry.</summary>
    private sealed class WeakestFirst : IComparer<(long Count, int Index)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((long Count, int Index) x, (long Count, int Index) y) =>
            x.Count != y.Count ? x.Count.CompareTo(y.Count) : y.Index.CompareTo(x.Index);
    }
}
