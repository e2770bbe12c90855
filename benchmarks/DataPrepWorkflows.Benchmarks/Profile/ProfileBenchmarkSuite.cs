using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using DataPrepWorkflows.Activities.Profile;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.Profile;

/// <summary>
/// A full profile (default configuration: every column, every statistic) of the 1,000,000-row loan-applications sample
/// (CSV) with <see cref="DataProfiler"/>, against the same statistics in pandas (<c>profile_pandas.py</c>, run by
/// Debian's /usr/bin/python3). Both sides include reading the CSV. Runs alternate; medians reported.
/// Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class ProfileBenchmarkSuite : IBenchmarkSuite
{
    private const string Python = "/usr/bin/python3";

    public string Name => "profile";

    public string Description => "Full DataBrew-style profile of the 1M-row loan sample: DataProfiler (DuckDB) vs pandas";

    public async Task RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var dirIndex = Array.IndexOf(args, "--dir");
        var folder = dirIndex >= 0 && dirIndex + 1 < args.Length ? args[dirIndex + 1] : Path.Combine(Path.GetTempPath(), "dataprep-bench-profile");
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

        Console.WriteLine($"Input: {input} ({new FileInfo(input).Length / 1_000_000.0:F0} MB); DuckDB {DuckDbSession.DuckDbVersion}; {runs} runs each, median reported.");
        var ours = new List<double>();
        var pandas = new List<double>();
        var pandasVersion = string.Empty;
        var columns = 0;
        var pandasColumns = 0;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using (var session = DuckDbSession.Open())
            {
                var profile = await DataProfiler.ProfileAsync(session, session.Open(input));
                columns = profile.ColumnCount;
            }

            ours.Add(watch.Elapsed.TotalSeconds);
            (var wall, pandasVersion, pandasColumns) = await RunPandasAsync(Path.Combine(Here(), "profile_pandas.py"), input);
            pandas.Add(wall);
        }

        Console.WriteLine();
        Console.WriteLine($"{Environment.ProcessorCount} cores.");
        Console.WriteLine("| Step | Wall clock (median) | Runs (s) | Columns | Speed-up vs pandas |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| DataProfiler (DuckDB): full profile | {Median(ours):F2} s | {Join(ours)} | {columns} | {Median(pandas) / Median(ours):F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| pandas {pandasVersion}: same statistics | {Median(pandas):F2} s | {Join(pandas)} | {pandasColumns} | 1.0× |"));
        Console.WriteLine("Target: speed-up ≥ 3×.");
    }

    private static async Task<(double Wall, string Version, int Columns)> RunPandasAsync(string script, string input)
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
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), parts[0], int.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(d => d.ToString("F2", CultureInfo.InvariantCulture)));
}
