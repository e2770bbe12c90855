using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Activities.Profile;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.Profile;

/// <summary>
/// A full profile (default configuration: every column, every statistic) of the 1,000,000-row loan-applications sample
/// (CSV) with <see cref="DataProfiler"/>, against the same statistics in pandas (<c>profile_pandas.py</c>, run by
/// Debian's /usr/bin/python3). Both sides include reading the CSV. Runs alternate; medians reported,
/// with each side's CPU time (pandas runs on one thread, DuckDB on every core).
/// Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class ProfileBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "profile";

    public string Description => "Full DataBrew-style profile of the 1M-row loan sample: DataProfiler (DuckDB) vs pandas";

    public async Task RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Int(args, "--rows", 1_000_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var folder = BenchmarkArgs.Folder(args, "profile");
        var input = LoanSampleCsv.Ensure(folder, rows);

        Console.WriteLine($"Input: {input} ({new FileInfo(input).Length / 1_000_000.0:F0} MB); DuckDB {DuckDbSession.DuckDbVersion}; {runs} runs each, median reported.");
        var ours = new List<double>();
        var oursCpu = new List<double>();
        var pandas = new List<double>();
        var pandasCpu = new List<double>();
        var pandasVersion = string.Empty;
        var columns = 0;
        var pandasColumns = 0;
        for (var run = 0; run < runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using (var session = DuckDbSession.Open())
            {
                var profile = await DataProfiler.ProfileAsync(session, session.Open(input));
                columns = profile.ColumnCount;
            }

            ours.Add(watch.Elapsed.TotalSeconds);
            oursCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            (var wall, var pandasSeconds, pandasVersion, pandasColumns) = await RunPandasAsync(Path.Combine(PandasScript.SourceFolder(), "profile_pandas.py"), input);
            pandas.Add(wall);
            pandasCpu.Add(pandasSeconds);
        }

        Console.WriteLine();
        Console.WriteLine($"{Environment.ProcessorCount} cores.");
        Console.WriteLine("| Step | Wall clock (median) | Runs (s) | CPU time (median) | Columns | Speed-up vs pandas |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| DataProfiler (DuckDB): full profile | {Samples.Median(ours):F2} s | {Samples.Join(ours)} | {Samples.Median(oursCpu):F2} s | {columns} | {Samples.Median(pandas) / Samples.Median(ours):F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| pandas {pandasVersion}: same statistics | {Samples.Median(pandas):F2} s | {Samples.Join(pandas)} | {Samples.Median(pandasCpu):F2} s | {pandasColumns} | 1.0× |"));

        // On a loaded machine wall clocks mostly measure the wait for a core; CPU time (all threads) shows the work.
        Console.WriteLine("Target: speed-up ≥ 3× (wall clock, quiet machine).");
    }

    private static async Task<(double Wall, double Cpu, string Version, int Columns)> RunPandasAsync(string script, string input)
    {
        var parts = await PandasScript.RunAsync(script, input);
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), parts[0], int.Parse(parts[3], CultureInfo.InvariantCulture));
    }
}
