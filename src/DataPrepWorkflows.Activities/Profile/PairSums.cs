using System.Runtime.CompilerServices;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Running sums of one pair of (shifted) columns over the rows where both are present: enough for Pearson's r.
/// </summary>
internal struct PairSums
{
    private long _n;
    private double _a;
    private double _b;
    private double _aa;
    private double _bb;
    private double _ab;

    /// <summary>
    /// Adds one chunk. When neither side has a missing value in it, the per-column sums are reused and only the
    /// products are summed here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ChunkColumn x, ChunkColumn y, int rows)
    {
        var (a, b) = (x.Values, y.Values);
        if (x.Complete && y.Complete)
        {
            _n += rows;
            _a += x.Sum;
            _aa += x.Squares;
            _b += y.Sum;
            _bb += y.Squares;
            var ab = 0.0;
            for (var r = 0; r < rows; r++)
            {
                ab += a[r] * b[r];
            }

            _ab += ab;
            return;
        }

        for (var r = 0; r < rows; r++)
        {
            if (x.Present[r] && y.Present[r])
            {
                _n++;
                _a += a[r];
                _aa += a[r] * a[r];
                _b += b[r];
                _bb += b[r] * b[r];
                _ab += a[r] * b[r];
            }
        }
    }

    /// <summary>r, or null with fewer than two rows or no spread on either side (NaN in the data gives null too).</summary>
    public readonly double? Pearson()
    {
        if (_n < 2)
        {
            return null;
        }

        var spreadA = _aa - (_a * _a / _n);
        var spreadB = _bb - (_b * _b / _n);
        var covariance = _ab - (_a * _b / _n);
        return spreadA > 0 && spreadB > 0 ? covariance / Math.Sqrt(spreadA * spreadB) : null;
    }
}
