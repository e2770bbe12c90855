using System.Diagnostics;
using DataPrepWorkflows.Benchmarks.Measuring;

namespace DataPrepWorkflows.Benchmarks.Engine;

/// <summary>One measurement: medians over samples of wall-clock and thread-CPU time per operation, and bytes allocated.</summary>
internal readonly record struct Measurement(double WallMicroseconds, double CpuMicroseconds, double BytesPerOperation)
{
    /// <summary>The difference of two measurements (a whole cycle minus its first part).</summary>
    public static Measurement operator -(Measurement a, Measurement b) =>
        new(a.WallMicroseconds - b.WallMicroseconds, a.CpuMicroseconds - b.CpuMicroseconds, a.BytesPerOperation - b.BytesPerOperation);
}

/// <summary>A small timed harness: warm-up, then several samples of many iterations; reports medians per operation.</summary>
internal static class Timing
{
    public static Measurement Measure(Action action, int iterations, int samples = 7)
    {
        for (var i = 0; i < Math.Max(1, iterations / 2); i++)
        {
            action();
        }

        var wall = new double[samples];
        var cpu = new double[samples];
        var bytes = new double[samples];
        for (var s = 0; s < samples; s++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpuStart = ThreadCpuClock.Now();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                action();
            }

            watch.Stop();
            cpu[s] = (ThreadCpuClock.Now() - cpuStart) * 1e6 / iterations;
            wall[s] = watch.Elapsed.TotalMicroseconds / iterations;
            bytes[s] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)iterations;
        }

        return new Measurement(Median(wall), Median(cpu), Median(bytes));
    }

    /// <summary>Median wall-clock time per call of <paramref name="action"/>, in microseconds.</summary>
    public static double MedianMicroseconds(Action action, int iterations, int samples = 7) =>
        Measure(action, iterations, samples).WallMicroseconds;

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
