using System.Runtime.CompilerServices;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// A numeric column's non-null values as its distinct values (ascending, NaN last as DuckDB orders them) with their
/// counts. Every order statistic the profile reports comes from here, so the column is grouped once in DuckDB and never
/// sorted row by row; the order statistics follow DuckDB's <c>quantile_cont</c> and <c>mad</c> exactly.
/// </summary>
internal sealed class NumericValues
{
    private readonly double[] _values;
    private readonly long[] _counts;
    private readonly long[] _through;
    private readonly int _ordered;

    /// <summary>Takes ownership of the arrays (distinct values in any order, with their counts) and sorts them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NumericValues(double[] values, long[] counts)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(counts.Length, values.Length);
        Array.Sort(values, counts);

        // .NET sorts NaN first; DuckDB orders it after every number, and the statistics below follow DuckDB.
        var nan = 0;
        while (nan < values.Length && double.IsNaN(values[nan]))
        {
            nan++;
        }

        if (nan > 0)
        {
            values = [.. values.AsSpan(nan), .. values.AsSpan(0, nan)];
            counts = [.. counts.AsSpan(nan), .. counts.AsSpan(0, nan)];
        }

        _values = values;
        _counts = counts;
        _ordered = values.Length - nan;
        _through = new long[values.Length];
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            _through[i] = total;
            Unique += counts[i] == 1 ? 1 : 0;
        }

        Count = total;
    }

    /// <summary>Non-null values, repeats included.</summary>
    public long Count { get; }

    /// <summary>Values occurring once.</summary>
    public long Unique { get; }

    /// <summary>Distinct values.</summary>
    public int Distinct => _values.Length;

    public ReadOnlySpan<double> Values => _values;

    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The values that are numbers (not NaN), ascending.</summary>
    public ReadOnlySpan<double> Ordered => _values.AsSpan(0, _ordered);

    /// <summary>The value at 0-based position <paramref name="rank"/> of the sorted values.</summary>
    public double At(long rank)
    {
        var index = Array.BinarySearch(_through, rank + 1);
        return _values[index >= 0 ? index : ~index];
    }

    /// <summary>DuckDB's <c>quantile_cont</c>: linear interpolation between the values around rank (n − 1)·q.</summary>
    public double? Quantile(double q)
    {
        if (Count == 0)
        {
            return null;
        }

        var position = (Count - 1) * q;
        var low = (long)Math.Floor(position);
        var high = (long)Math.Ceiling(position);
        var lowValue = At(low);
        return high == low ? lowValue : Interpolate(lowValue, At(high), position - low);
    }

    /// <summary>
    /// DuckDB's <c>mad</c>: the continuous median of |x − median|. The deviations are read in ascending order by walking
    /// outwards from the median on both sides, so no second sort is needed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double? MedianAbsoluteDeviation(double median)
    {
        if (Count == 0)
        {
            return null;
        }

        var position = (Count - 1) * 0.5;
        var low = (long)Math.Floor(position);
        var high = (long)Math.Ceiling(position);
        double? lowValue = null;
        long seen = 0;
        var right = Ordered.BinarySearch(median);
        right = right >= 0 ? right : ~right;
        var left = right - 1;
        while (true)
        {
            // NaN deviations (NaN values, at the end of the right side) sort after every number.
            var takeLeft = left >= 0 && (right >= _values.Length || !(Math.Abs(_values[right] - median) < Math.Abs(_values[left] - median)));
            var index = takeLeft ? left-- : right++;
            var deviation = Math.Abs(_values[index] - median);
            seen += _counts[index];
            if (lowValue is null && seen > low)
            {
                lowValue = deviation;
            }

            if (seen > high)
            {
                return high == low ? deviation : Interpolate(lowValue!.Value, deviation, position - low);
            }
        }
    }

    /// <summary>DuckDB's interpolation, written as it writes it so results agree to the last bit.</summary>
    private static double Interpolate(double low, double high, double fraction) => (low * (1 - fraction)) + (high * fraction);

    /// <summary>The <paramref name="k"/> smallest values, repeats included, ascending.</summary>
    public List<double> Smallest(int k)
    {
        var result = new List<double>(k);
        for (var i = 0; i < _values.Length && result.Count < k; i++)
        {
            for (long n = 0; n < _counts[i] && result.Count < k; n++)
            {
                result.Add(_values[i]);
            }
        }

        return result;
    }

    /// <summary>The <paramref name="k"/> largest values, repeats included, descending.</summary>
    public List<double> Largest(int k)
    {
        var result = new List<double>(k);
        for (var i = _values.Length - 1; i >= 0 && result.Count < k; i--)
        {
            for (long n = 0; n < _counts[i] && result.Count < k; n++)
            {
                result.Add(_values[i]);
            }
        }

        return result;
    }
}
