using System.Diagnostics;

namespace DataPrepWorkflows.Benchmarks.Engine;

/// <summary>A small timed harness: warm-up, then several samples of many iterations; reports the median per operation.</summary>
internal static class Timing
{
    /// <summary>Median time per call of <paramref name="action"/>, in microseconds.</summary>
    public static double MedianMicroseconds(Action action, int iterations, int samples = 7, int warmup = 0)
    {
        for (var i = 0; i < Math.Max(warmup, iterations / 2); i++)
        {
            action();
        }

        var perOp = new double[samples];
        for (var s = 0; s < samples; s++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                action();
            }

            watch.Stop();
            perOp[s] = watch.Elapsed.TotalMicroseconds / iterations;
        }

        Array.Sort(perOp);
        return perOp[samples / 2];
    }
}
