using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.Activities.Clean.Running;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.Clean;

/// <summary>
/// The 20-step loan recipe (<c>loan-recipe.json</c>) run by the Clean activity's runner on DuckDB against the same
/// steps in pandas (<c>clean_pandas.py</c>, Debian's python3-pandas under /usr/bin/python3), both reading the
/// generated loan-applications CSV and writing CSV. Medians of the runs, alternated so both see the same machine load.
/// Options: <c>--rows N</c> (default 1,000,000), <c>--runs N</c> (default 3), <c>--dir PATH</c>.
/// </summary>
internal sealed class CleanBenchmark : IBenchmarkSuite
{
    private const string Python = "/usr/bin/python3";

    public string Name => "clean";

    public string Description => "20-step DataBrew recipe on the loan sample: Clean (DuckDB) vs pandas";

    public async Task RunAsync(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var folder = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "dataprep-bench-clean");
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, $"loan-applications-{rows}.csv");
        if (!File.Exists(input))
        {
            Console.WriteLine($"Generating {input} ({rows:N0} rows)…");
            await using (var writer = new StreamWriter(input + ".partial"))
            {
                LoanApplicationSample.Write(writer, new LoanSampleOptions { Rows = rows });
            }

            File.Move(input + ".partial", input, overwrite: true);
        }

        var here = SourceFolder();
        var recipe = RecipeReader.Read(await File.ReadAllTextAsync(Path.Combine(here, "loan-recipe.json"))).Recipe
            ?? throw new InvalidOperationException("loan-recipe.json is not a recipe");
        Console.WriteLine($"Input: {input} ({new FileInfo(input).Length / 1_000_000.0:F0} MB); {recipe.Steps.Count} steps; DuckDB {DuckDbSession.DuckDbVersion}; {runs} runs.");

        var ours = new List<double>();
        var theirs = new List<double>();
        long ourRows = 0, pandasRows = 0;
        var version = "";
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using (var session = DuckDbSession.Open())
            {
                var result = await new RecipeRunner(session).RunAsync(recipe, input, Path.Combine(folder, "out-clean.csv"));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(result.Validation.ToString());
                }

                ourRows = result.Written!.Rows;
            }

            ours.Add(watch.Elapsed.TotalSeconds);
            var (wall, rowsOut, pandasVersion) = await RunPandasAsync(Path.Combine(here, "clean_pandas.py"), input, Path.Combine(folder, "out-pandas.csv"));
            theirs.Add(wall);
            pandasRows = rowsOut;
            version = pandasVersion;
        }

        var median = Median(ours);
        var pandasMedian = Median(theirs);
        Console.WriteLine();
        Console.WriteLine("| Run | Median wall clock | Runs (s) | Rows out |");
        Console.WriteLine("| --- | ---: | --- | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Clean (DuckDB), {recipe.Steps.Count}-step recipe, CSV → CSV | {median:F2} s | {Join(ours)} | {ourRows:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pandas {version}, same steps, CSV → CSV | {pandasMedian:F2} s | {Join(theirs)} | {pandasRows:N0} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Speed-up vs pandas: {pandasMedian / median:F1}× (target ≥ 3×), {Environment.ProcessorCount} cores."));
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    private static async Task<(double Wall, long Rows, string Version)> RunPandasAsync(string script, string input, string output)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, input, output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pandas run failed (apt-get install -y python3-pandas): {await stderr}");
        }

        var parts = (await stdout).Trim().Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture), parts[0]);
    }
}
