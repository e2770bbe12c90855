using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Dqdl;

namespace DataPrepWorkflows.Benchmarks.QualityGate;

/// <summary>
/// Evaluates the 30-rule ruleset <c>loan-rules.dqdl</c> against the 1,000,000-row loan-applications sample (CSV)
/// with <see cref="DataQualityEvaluator"/>, against the same checks in pandas (<c>quality_pandas.py</c>, run by
/// Debian's /usr/bin/python3). Both sides include reading the CSV. Runs alternate; medians of 3.
/// Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class QualityBenchmarkSuite : IBenchmarkSuite
{
    private const string Python = "/usr/bin/python3";

    public string Name => "quality";

    public string Description => "30-rule DQDL ruleset on the 1M-row loan sample: QualityGate (DuckDB) vs pandas";

    public async Task RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var dirIndex = Array.IndexOf(args, "--dir");
        var folder = dirIndex >= 0 && dirIndex + 1 < args.Length ? args[dirIndex + 1] : Path.Combine(Path.GetTempPath(), "dataprep-bench-quality");
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, $"loan-applications-{rows}.csv");
        if (!File.Exists(input))
        {
            Console.WriteLine($"Generating {input} ({rows:N0} rows)…");
            using (var writer = new StreamWriter(input + ".partial"))
            {
                LoanApplicationSample.Write(writer, new LoanSampleOptions { Rows = rows });
            }

            File.Move(input + ".partial", input, overwrite: true);
        }

        var here = Here();
        var ruleset = DqdlDocument.Parse(await File.ReadAllTextAsync(Path.Combine(here, "loan-rules.dqdl"))).Document
            ?? throw new InvalidOperationException("loan-rules.dqdl does not parse.");
        var ruleCount = ruleset.AllRules().Count();
        Console.WriteLine($"Input: {input} ({new FileInfo(input).Length / 1_000_000.0:F0} MB), {ruleCount} rules; DuckDB {DuckDbSession.DuckDbVersion}; {runs} runs each, median reported.");

        var ours = new List<double>();
        var oursCpu = new List<double>();
        var pandas = new List<double>();
        var pandasCpu = new List<double>();
        var pandasVersion = string.Empty;
        DataQualityReport? report = null;
        var pandasPassed = 0;
        for (var run = 0; run < runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using (var session = DuckDbSession.Open())
            {
                report = await DataQualityEvaluator.EvaluateAsync(session, ruleset, input, options: new DataQualityOptions { RecordHistory = false });
            }

            ours.Add(watch.Elapsed.TotalSeconds);
            oursCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            var (wall, pandasSeconds, version, passed) = await RunPandasAsync(Path.Combine(here, "quality_pandas.py"), input);
            pandas.Add(wall);
            pandasCpu.Add(pandasSeconds);
            pandasVersion = version;
            pandasPassed = passed;
        }

        Console.WriteLine();
        // CPU time (all threads) is reported beside wall clock: it does not depend on what else the machine runs.
        Console.WriteLine($"{Environment.ProcessorCount} cores.");
        Console.WriteLine("| Step | Wall clock (median) | Wall runs (s) | CPU (median) | Rules passed | Speed-up vs pandas (wall) | Speed-up vs pandas (CPU) |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| QualityGate evaluator (DuckDB): {ruleCount} rules | {Median(ours):F2} s | {Join(ours)} | {Median(oursCpu):F2} s | {report!.Passed} (errors {report.Errors}) | {Median(pandas) / Median(ours):F1}× | {Median(pandasCpu) / Median(oursCpu):F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| pandas {pandasVersion}: same checks | {Median(pandas):F2} s | {Join(pandas)} | {Median(pandasCpu):F2} s | {pandasPassed} | 1.0× | 1.0× |"));
        Console.WriteLine();
        foreach (var result in report.Results.Where(r => r.Outcome != DataQualityOutcome.Passed))
        {
            Console.WriteLine($"  {result.Outcome}: {result.Rule} — {result.FailureReason}");
        }

        Console.WriteLine("Target: speed-up ≥ 3×.");
    }

    private static async Task<(double Wall, double Cpu, string Version, int Passed)> RunPandasAsync(string script, string input)
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
            throw new InvalidOperationException($"pandas run failed (is python3-pandas installed? apt-get install -y python3-pandas): {await stderr}");
        }

        var parts = (await stdout).Trim().Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), parts[0],
            int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(d => d.ToString("F2", CultureInfo.InvariantCulture)));

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
