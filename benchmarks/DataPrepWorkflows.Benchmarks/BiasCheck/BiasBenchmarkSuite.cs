using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Activities.BiasCheck;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.BiasCheck;

/// <summary>
/// All eight pre-training bias metrics for one binary facet (sex = Female, label approved = 1, group region) over the
/// loan sample CSV with <see cref="BiasAnalysis"/>, against pandas computing the same group statistics
/// (<c>bias_pandas.py</c>, Debian's /usr/bin/python3). Both sides include reading the CSV. Medians of 3, wall-clock
/// and CPU time (all threads of each process, which a loaded machine disturbs less than the wall clock).
/// Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class BiasBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "bias";

    public string Description => "Clarify pre-training bias metrics, one binary facet, 1M-row loan sample: BiasAnalysis (DuckDB) vs pandas group statistics";

    public async Task RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Int(args, "--rows", 1_000_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var folder = BenchmarkArgs.Folder(args, "bias");
        var input = LoanSampleCsv.Ensure(folder, rows);

        var config = BiasConfigReader.Parse("""
            {"dataset_type": "text/csv", "label": "approved", "label_values_or_threshold": [1],
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["Female"]}], "group_variable": "region"}
            """);
        var ours = new List<double>();
        var pandas = new List<double>();
        var oursCpu = new List<double>();
        var pandasCpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        double dpl = 0, pandasDpl = 0;
        var version = "";
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using (var session = DuckDbSession.Open())
            {
                var result = await BiasAnalysis.RunAsync(session, config, input);
                dpl = result.Facets[0].Metrics.Single(m => m.Name == "DPL").Value ?? double.NaN;
            }

            ours.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            oursCpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
            var (seconds, value, pandasVersion, cpu) = await RunPandasAsync(Path.Combine(PandasScript.SourceFolder(), "bias_pandas.py"), input);
            pandas.Add(seconds);
            pandasCpu.Add(cpu);
            pandasDpl = value;
            version = pandasVersion;
        }

        Console.WriteLine($"Input: {input} ({rows:N0} rows); DuckDB {DuckDbSession.DuckDbVersion}; pandas {version}; {Environment.ProcessorCount} cores; {runs} runs, median.");
        Console.WriteLine("| Step | Median | Runs (s) | CPU median | CPU runs (s) | DPL | Speed-up (wall) | Speed-up (CPU) |");
        Console.WriteLine("| --- | ---: | --- | ---: | --- | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| BiasAnalysis (8 metrics, CSV tuple scan + DuckDB) | {Samples.Median(ours):F3} s | {Samples.Join(ours, "F3")} | {Samples.Median(oursCpu):F3} s | {Samples.Join(oursCpu, "F3")} | {dpl:F12} | {Samples.Median(pandas) / Samples.Median(ours):F1}× | {Samples.Median(pandasCpu) / Samples.Median(oursCpu):F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pandas group statistics | {Samples.Median(pandas):F3} s | {Samples.Join(pandas, "F3")} | {Samples.Median(pandasCpu):F3} s | {Samples.Join(pandasCpu, "F3")} | {pandasDpl:F12} | 1.0× | 1.0× |"));
        Console.WriteLine("Target: speed-up ≥ 5×.");
    }

    private static async Task<(double Seconds, double Dpl, string Version, double Cpu)> RunPandasAsync(string script, string input)
    {
        var parts = await PandasScript.RunAsync(script, input);
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), parts[2], double.Parse(parts[3], CultureInfo.InvariantCulture));
    }
}
