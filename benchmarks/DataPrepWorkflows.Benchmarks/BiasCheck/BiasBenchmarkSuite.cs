using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using DataPrepWorkflows.Activities.BiasCheck;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.BiasCheck;

/// <summary>
/// All eight pre-training bias metrics for one binary facet (sex = Female, label approved = 1, group region) over the
/// loan sample CSV with <see cref="BiasAnalysis"/>, against pandas computing the same group statistics
/// (<c>bias_pandas.py</c>, Debian's /usr/bin/python3). Both sides include reading the CSV. Medians of 3.
/// Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class BiasBenchmarkSuite : IBenchmarkSuite
{
    private const string Python = "/usr/bin/python3";

    public string Name => "bias";

    public string Description => "Clarify pre-training bias metrics, one binary facet, 1M-row loan sample: BiasAnalysis (DuckDB) vs pandas group statistics";

    public async Task RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var dirIndex = Array.IndexOf(args, "--dir");
        var folder = dirIndex >= 0 && dirIndex + 1 < args.Length ? args[dirIndex + 1] : Path.Combine(Path.GetTempPath(), "dataprep-bench-bias");
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, $"loan-applications-{rows}.csv");
        if (!File.Exists(input))
        {
            using (var writer = new StreamWriter(input + ".partial"))
            {
                LoanApplicationSample.Write(writer, new LoanSampleOptions { Rows = rows });
            }

            File.Move(input + ".partial", input, overwrite: true);
        }

        var config = BiasConfigReader.Parse("""
            {"dataset_type": "text/csv", "label": "approved", "label_values_or_threshold": [1],
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["Female"]}], "group_variable": "region"}
            """);
        var ours = new List<double>();
        var pandas = new List<double>();
        double dpl = 0, pandasDpl = 0;
        var version = "";
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using (var session = DuckDbSession.Open())
            {
                var result = await BiasAnalysis.RunAsync(session, config, input);
                dpl = result.Facets[0].Metrics.Single(m => m.Name == "DPL").Value ?? double.NaN;
            }

            ours.Add(watch.Elapsed.TotalSeconds);
            var (seconds, value, pandasVersion) = await RunPandasAsync(Path.Combine(Here(), "bias_pandas.py"), input);
            pandas.Add(seconds);
            pandasDpl = value;
            version = pandasVersion;
        }

        Console.WriteLine($"Input: {input} ({rows:N0} rows); DuckDB {DuckDbSession.DuckDbVersion}; pandas {version}; {Environment.ProcessorCount} cores; {runs} runs, median.");
        Console.WriteLine("| Step | Median | Runs (s) | DPL | Speed-up |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| BiasAnalysis (8 metrics, DuckDB) | {Median(ours):F3} s | {Join(ours)} | {dpl:F12} | {Median(pandas) / Median(ours):F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pandas group statistics | {Median(pandas):F3} s | {Join(pandas)} | {pandasDpl:F12} | 1.0× |"));
        Console.WriteLine("Target: speed-up ≥ 5×.");
    }

    private static async Task<(double Seconds, double Dpl, string Version)> RunPandasAsync(string script, string input)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(input);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pandas run failed: {await stderr}");
        }

        var parts = (await stdout).Trim().Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(d => d.ToString("F3", CultureInfo.InvariantCulture)));

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
