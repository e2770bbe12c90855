using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.Activities.Clean.Running;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.Clean;

/// <summary>
/// The 20-step loan recipe (<c>loan-recipe.json</c>) run by the Clean activity's runner on DuckDB against the same
/// steps in pandas (<c>clean_pandas.py</c>, Debian's python3-pandas under /usr/bin/python3), both reading the
/// generated loan-applications CSV and writing CSV. Medians of the runs, alternated so both see the same machine load.
/// Options: <c>--rows N</c> (default 1,000,000), <c>--runs N</c> (default 3), <c>--dir PATH</c>, <c>--ours-only</c> (skip pandas,
/// for profiling our side).
/// </summary>
internal sealed class CleanBenchmark : IBenchmarkSuite
{
    public string Name => "clean";

    public string Description => "20-step DataBrew recipe on the loan sample: Clean (DuckDB) vs pandas";

    public async Task RunAsync(string[] args)
    {
        var rows = BenchmarkArgs.Int(args, "--rows", 1_000_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var folder = BenchmarkArgs.Folder(args, "clean");
        var oursOnly = args.Contains("--ours-only");
        var input = LoanSampleCsv.Ensure(folder, rows);

        var here = PandasScript.SourceFolder();
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
            if (oursOnly)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Clean run {run + 1}: {watch.Elapsed.TotalSeconds:F2} s, {ourRows:N0} rows"));
                continue;
            }

            var (wall, rowsOut, pandasVersion) = await RunPandasAsync(Path.Combine(here, "clean_pandas.py"), input, Path.Combine(folder, "out-pandas.csv"));
            theirs.Add(wall);
            pandasRows = rowsOut;
            version = pandasVersion;
        }

        if (oursOnly)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Clean median: {Samples.Median(ours):F2} s ({Samples.Join(ours)})"));
            return;
        }

        var median = Samples.Median(ours);
        var pandasMedian = Samples.Median(theirs);
        Console.WriteLine();
        Console.WriteLine("| Run | Median wall clock | Runs (s) | Rows out |");
        Console.WriteLine("| --- | ---: | --- | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Clean (DuckDB), {recipe.Steps.Count}-step recipe, CSV → CSV | {median:F2} s | {Samples.Join(ours)} | {ourRows:N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pandas {version}, same steps, CSV → CSV | {pandasMedian:F2} s | {Samples.Join(theirs)} | {pandasRows:N0} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Speed-up vs pandas: {pandasMedian / median:F1}× (target ≥ 3×), {Environment.ProcessorCount} cores."));
    }

    private static async Task<(double Wall, long Rows, string Version)> RunPandasAsync(string script, string input, string output)
    {
        var parts = await PandasScript.RunAsync(script, input, output);
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture), parts[0]);
    }
}
