using System.Runtime.CompilerServices;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// A numeric column's moments (all null for a column with no values), with the definitions pandas uses: sample
/// variance (n − 1), adjusted Fisher–Pearson skewness and bias-corrected excess kurtosis; null where they are undefined
/// (fewer than 2, 3 or 4 values, or no spread).
/// </summary>
internal sealed record NumericMoments(double? Min, double? Max, double? Mean, double? Sum, double? Variance, double? StandardDeviation, double? Skewness, double? Kurtosis)
{
    private static readonly NumericMoments None = new(null, null, null, null, null, null, null, null);

    /// <summary>
    /// Two passes over the distinct values: the mean first, then the central moments around it, which keeps the third
    /// and fourth moments accurate where raw power sums would cancel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NumericMoments Of(NumericValues values)
    {
        if (values.Count == 0)
        {
            return None;
        }

        var xs = values.Values;
        var counts = values.Counts;
        var sum = 0.0;
        for (var i = 0; i < xs.Length; i++)
        {
            sum += xs[i] * counts[i];
        }

        double n = values.Count;
        var mean = sum / n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var d = xs[i] - mean;
            var d2 = d * d * counts[i];
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d * d;
        }

        double? variance = n > 1 ? m2 / (n - 1) : null;
        var spread = m2 > 0;
        var m2n = m2 / n;
        double? skewness = n > 2 && spread ? Math.Sqrt(n * (n - 1)) / (n - 2) * (m3 / n) / Math.Pow(m2n, 1.5) : null;
        double? kurtosis = n > 3 && spread ? (n - 1) * (((n + 1) * (m4 / n) / (m2n * m2n)) - (3 * (n - 1))) / ((n - 2) * (n - 3)) : null;
        return new NumericMoments(
            xs[0],
            xs[^1],
            mean,
            sum,
            variance,
            variance is { } v ? Math.Sqrt(v) : null,
            skewness,
            kurtosis);
    }
}
