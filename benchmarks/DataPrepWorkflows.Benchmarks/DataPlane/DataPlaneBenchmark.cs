using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.DataPlane;

/// <summary>
/// Reads a 1,000,000-row, 20-column CSV into a typed dataset and writes it back out as CSV, against pandas
/// (<c>read_csv</c> + <c>to_csv</c>, Debian's python3-pandas run by /usr/bin/python3) on the same file; then the
/// Parquet write on its own. Medians of 3 runs each. Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class DataPlaneBenchmark : IBenchmarkSuite
{
    private const string Python = "/usr/bin/python3";

    public string Name => "dataplane";

    public string Description => "CSV read+write through DuckDB vs pandas; Parquet write time";

    public async Task RunAsync(string[] args)
    {
        var rows = IntOption(args, "--rows", 1_000_000);
        var runs = IntOption(args, "--runs", 3);
        var folder = StringOption(args, "--dir", Path.Combine(Path.GetTempPath(), "dataprep-bench-dataplane"));
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, $"loans-{rows}.csv");
        if (!File.Exists(input))
        {
            Console.WriteLine($"Generating {input} ({rows:N0} rows, 20 columns)…");
            BenchmarkCsv.Write(input + ".partial", rows);
            File.Move(input + ".partial", input, overwrite: true);
        }

        var sizeMb = new FileInfo(input).Length / 1_000_000.0;
        Console.WriteLine($"Input: {input} ({sizeMb:F0} MB); DuckDB {DuckDbSession.DuckDbVersion}; {runs} runs each, median reported.");

        var duckCsv = new List<double>();
        var duckParquet = new List<double>();
        long readRows = 0;
        for (var run = 0; run < runs; run++)
        {
            using var session = DuckDbSession.Open();
            var watch = Stopwatch.StartNew();
            var table = await session.MaterializeAsync("loans", session.Open(input));
            var written = await table.WriteAsync(Path.Combine(folder, "out-duckdb.csv"));
            duckCsv.Add(watch.Elapsed.TotalSeconds);
            readRows = written.Rows;

            watch.Restart();
            await table.WriteAsync(Path.Combine(folder, "out-duckdb.parquet"));
            duckParquet.Add(watch.Elapsed.TotalSeconds);
        }

        var pandas = await RunPandasAsync(input, Path.Combine(folder, "out-pandas.csv"), runs);
        var duck = Median(duckCsv);
        Console.WriteLine();
        Console.WriteLine($"| Step ({readRows:N0} rows × 20 columns, {sizeMb:F0} MB CSV) | DataPlane (DuckDB) | pandas {pandas.Version} | Speed-up |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Read CSV into a typed dataset + write CSV | {duck:F2} s | {pandas.Median:F2} s | {pandas.Median / duck:F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Write Parquet (Snappy) from the typed dataset | {Median(duckParquet):F2} s | n/a (no Parquet writer) | |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Runs (s): DataPlane CSV [{string.Join(", ", duckCsv.Select(d => d.ToString("F2", CultureInfo.InvariantCulture)))}], " +
            $"Parquet [{string.Join(", ", duckParquet.Select(d => d.ToString("F2", CultureInfo.InvariantCulture)))}], " +
            $"pandas [{string.Join(", ", pandas.Runs.Select(d => d.ToString("F2", CultureInfo.InvariantCulture)))}]. Target: speed-up ≥ 3×."));
    }

    private static async Task<(double Median, IReadOnlyList<double> Runs, string Version)> RunPandasAsync(string input, string output, int runs)
    {
        // Timed inside Python so interpreter start-up and the pandas import are not counted against pandas.
        const string Script = """
            import sys, time, pandas as pd
            src, dst, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
            print(pd.__version__)
            for _ in range(runs):
                t = time.perf_counter()
                df = pd.read_csv(src)
                df.to_csv(dst, index=False)
                print(time.perf_counter() - t, flush=True)
            """;
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", Script, input, output, runs.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"pandas run failed (is python3-pandas installed? apt-get install -y python3-pandas): {await stderr}");
        }

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var times = lines.Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        return (Median(times), times, lines[0]);
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        int.Parse(StringOption(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string StringOption(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
