using System.Runtime.CompilerServices;
using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>One column of a chunk, copied out of DuckDB's memory, with its per-chunk sums when it has no missing value.</summary>
internal sealed class ChunkColumn
{
    public double[] Values { get; private set; } = new double[2048];

    public bool[] Present { get; private set; } = new bool[2048];

    public bool Complete { get; private set; }

    public double Sum { get; private set; }

    public double Squares { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Load(DuckDbVector vector, int rows)
    {
        if (Values.Length < rows)
        {
            Values = new double[rows];
            Present = new bool[rows];
        }

        vector.GetData<double>()[..rows].CopyTo(Values);
        Complete = true;
        if (!vector.HasNulls)
        {
            Present.AsSpan(0, rows).Fill(true);
        }
        else
        {
            for (var r = 0; r < rows; r++)
            {
                Present[r] = !vector.IsNull(r);
                Complete &= Present[r];
            }
        }

        double sum = 0, squares = 0;
        if (Complete)
        {
            for (var r = 0; r < rows; r++)
            {
                sum += Values[r];
                squares += Values[r] * Values[r];
            }
        }

        (Sum, Squares) = (sum, squares);
    }
}
