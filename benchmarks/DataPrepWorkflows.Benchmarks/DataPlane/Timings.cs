using System.Diagnostics;
using DataPrepWorkflows.Benchmarks.Measuring;

namespace DataPrepWorkflows.Benchmarks.DataPlane;

/// <summary>Wall-clock and process CPU times of repeated runs of one step; medians on read.</summary>
internal sealed class Timings
{
    private readonly List<double> _walls = [];
    private readonly List<double> _cpus = [];

    public IReadOnlyList<double> Walls => _walls;

    public double Wall => Samples.Median(_walls);

    public double Cpu => Samples.Median(_cpus);

    public void Add(double wall, double cpu)
    {
        _walls.Add(wall);
        _cpus.Add(cpu);
    }

    public async Task<T> Measure<T>(Func<Task<T>> step)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await step();
        Add(watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        return result;
    }
}
