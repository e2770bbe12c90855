using System.Globalization;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.DataPlane;

/// <summary>
/// Reads a 1,000,000-row, 20-column CSV into a typed dataset and writes it back out as CSV, against pandas
/// (<c>read_csv</c> + <c>to_csv</c>, Debian's python3-pandas run by /usr/bin/python3) on the same file; then the
/// Parquet write on its own. Medians of 3 runs each, wall clock and CPU. Options: <c>--rows N</c>, <c>--runs N</c>, <c>--dir PATH</c>.
/// </summary>
internal sealed class DataPlaneBenchmark : IBenchmarkSuite
{
    public string Name => "dataplane";

    public string Description => "CSV read+write through DuckDB vs pandas; Parquet write time";

    public async Task RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Int(args, "--rows", 1_000_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var folder = BenchmarkArgs.Folder(args, "dataplane");
        var input = Path.Combine(folder, $"loans-{rows}.csv");
        if (!File.Exists(input))
        {
            Console.WriteLine($"Generating {input} ({rows:N0} rows, 20 columns)…");
            BenchmarkCsv.Write(input + ".partial", rows);
            File.Move(input + ".partial", input, overwrite: true);
        }

        var sizeMb = new FileInfo(input).Length / 1_000_000.0;
        Console.WriteLine($"Input: {input} ({sizeMb:F0} MB); DuckDB {DuckDbSession.DuckDbVersion}; {runs} runs each, median reported.");

        // Runs alternate (DataPlane, then pandas) so both see the same machine load; CPU time is reported too, as
        // it does not depend on what else the machine is doing.
        var convert = new Timings();
        var materialize = new Timings();
        var pandas = new Timings();
        var parquet = new Timings();
        var pandasVersion = string.Empty;
        long rowsWritten = 0;
        for (var run = 0; run < runs; run++)
        {
            using (var session = DuckDbSession.Open())
            {
                // What `dataprep data convert` does: the typed dataset streams from the reader to the writer.
                rowsWritten = (await convert.Measure(() => session.Open(input).WriteAsync(Path.Combine(folder, "out-convert.csv")))).Rows;

                // The whole typed dataset held in memory first, as pandas does.
                var table = await materialize.Measure(async () =>
                {
                    var loaded = await session.MaterializeAsync("loans", session.Open(input));
                    await loaded.WriteAsync(Path.Combine(folder, "out-table.csv"));
                    return loaded;
                });

                await parquet.Measure(() => table.WriteAsync(Path.Combine(folder, "out-table.parquet")));
            }

            var result = await RunPandasAsync(input, Path.Combine(folder, "out-pandas.csv"));
            pandas.Add(result.Wall, result.Cpu);
            pandasVersion = result.Version;
        }

        Console.WriteLine();
        Console.WriteLine($"{rowsWritten:N0} rows × 20 columns, {sizeMb:F0} MB CSV; medians of {runs} runs; {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine($"| Step | Wall clock | CPU (all threads) | Speed-up vs pandas (wall) | Speed-up vs pandas (CPU) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Row("DataPlane: CSV → typed dataset → CSV (streamed, as `data convert`)", convert, pandas);
        Row("DataPlane: CSV → typed in-memory table → CSV", materialize, pandas);
        Row($"pandas {pandasVersion}: read_csv + to_csv", pandas, pandas);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| DataPlane: write Parquet (Snappy) from the in-memory table | {parquet.Wall:F2} s | {parquet.Cpu:F2} s | n/a (pandas here has no Parquet writer) | |"));
        Console.WriteLine();
        Console.WriteLine(
            $"Runs (wall s): convert [{Samples.Join(convert.Walls)}], table [{Samples.Join(materialize.Walls)}], pandas [{Samples.Join(pandas.Walls)}], " +
            $"parquet [{Samples.Join(parquet.Walls)}]. Target: speed-up ≥ 3×.");
    }

    private static void Row(string label, Timings timings, Timings pandas) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {timings.Wall:F2} s | {timings.Cpu:F2} s | {pandas.Wall / timings.Wall:F1}× | {pandas.Cpu / timings.Cpu:F1}× |"));

    private static async Task<(double Wall, double Cpu, string Version)> RunPandasAsync(string input, string output)
    {
        // Timed inside Python so interpreter start-up and the pandas import are not counted against pandas.
        const string Script = """
            import sys, time, pandas as pd
            src, dst = sys.argv[1], sys.argv[2]
            wall, cpu = time.perf_counter(), time.process_time()
            df = pd.read_csv(src)
            df.to_csv(dst, index=False)
            print(pd.__version__, time.perf_counter() - wall, time.process_time() - cpu)
            """;
        var parts = await PandasScript.RunAsync("-c", Script, input, output);
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), parts[0]);
    }
}
