using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Dqdl;

namespace DataPrepWorkflows.Benchmarks.QualityGate;

/// <summary>
/// Evaluates the 30-rule ruleset <c>loan-rules.dqdl</c> against the 1,000,000-row loan-applications sample (CSV)
/// with <see cref="DataQualityEvaluator"/>, against the same checks in pandas (<c>quality_pandas.py</c>, run by
/// Debian's /usr/bin/python3). Both sides include reading the CSV. Runs alternate; medians of 3. Start-up is counted
/// on neither side: pandas is timed after its import, the evaluator after one warm-up evaluation of a 1,000-row
/// slice (JIT compilation of the evaluator and the data plane).
/// Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class QualityBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "quality";

    public string Description => "30-rule DQDL ruleset on the 1M-row loan sample: QualityGate (DuckDB) vs pandas";

    public async Task RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Int(args, "--rows", 1_000_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var folder = BenchmarkArgs.Folder(args, "quality");
        var input = LoanSampleCsv.Ensure(folder, rows);

        var here = PandasScript.SourceFolder();
        var ruleset = DqdlDocument.Parse(await File.ReadAllTextAsync(Path.Combine(here, "loan-rules.dqdl"))).Document
            ?? throw new InvalidOperationException("loan-rules.dqdl does not parse.");
        var ruleCount = ruleset.AllRules().Count();
        Console.WriteLine($"Input: {input} ({new FileInfo(input).Length / 1_000_000.0:F0} MB), {ruleCount} rules; DuckDB {DuckDbSession.DuckDbVersion}; {runs} runs each, median reported; one untimed warm-up evaluation of 1,000 rows.");
        using (var warmUp = DuckDbSession.Open())
        {
            await DataQualityEvaluator.EvaluateAsync(warmUp, ruleset, LoanSampleCsv.Ensure(folder, 1_000), options: new DataQualityOptions { RecordHistory = false });
        }

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
            $"| QualityGate evaluator (DuckDB): {ruleCount} rules | {Samples.Median(ours):F2} s | {Samples.Join(ours)} | {Samples.Median(oursCpu):F2} s | {report!.Passed} (errors {report.Errors}) | {Samples.Median(pandas) / Samples.Median(ours):F1}× | {Samples.Median(pandasCpu) / Samples.Median(oursCpu):F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| pandas {pandasVersion}: same checks | {Samples.Median(pandas):F2} s | {Samples.Join(pandas)} | {Samples.Median(pandasCpu):F2} s | {pandasPassed} | 1.0× | 1.0× |"));
        Console.WriteLine();
        foreach (var result in report.Results.Where(r => r.Outcome != DataQualityOutcome.Passed))
        {
            Console.WriteLine($"  {result.Outcome}: {result.Rule} — {result.FailureReason}");
        }

        Console.WriteLine("Target: speed-up ≥ 3×.");
    }

    private static async Task<(double Wall, double Cpu, string Version, int Passed)> RunPandasAsync(string script, string input)
    {
        var parts = await PandasScript.RunAsync(script, input);
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), parts[0],
            int.Parse(parts[3], CultureInfo.InvariantCulture));
    }
}
