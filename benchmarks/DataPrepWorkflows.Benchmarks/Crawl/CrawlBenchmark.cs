using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Crawl;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPrepWorkflows.Benchmarks.Crawl;

/// <summary>
/// Crawls a generated tree of small CSV files spread over Hive partitions (default 10,000 files in 100 <c>day=N/</c>
/// folders) into a fresh catalog, then recrawls the unchanged tree with <c>CRAWL_NEW_FOLDERS_ONLY</c> from a new
/// process-like start (new backends). Targets: full crawl under 20 s, recrawl under 2 s. Median of N runs.
/// Options: <c>--files N</c>, <c>--partitions N</c>, <c>--runs N</c>, <c>--sample N</c>.
/// </summary>
internal sealed class CrawlBenchmark : IBenchmarkSuite
{
    public string Name => "crawl";

    public string Description => "Crawl 10,000 small CSVs in 100 Hive partitions; recrawl with CRAWL_NEW_FOLDERS_ONLY";

    public async Task RunAsync(string[] args)
    {
        var files = BenchmarkArgs.Int(args, "--files", 10_000);
        var partitions = BenchmarkArgs.Int(args, "--partitions", 100);
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var sample = args.Contains("--sample") ? BenchmarkArgs.Int(args, "--sample", 0) : (int?)null;
        var root = Directory.CreateTempSubdirectory("dataprep-bench-crawl-").FullName;
        try
        {
            var s3 = Path.Combine(root, "s3");
            var generate = Stopwatch.StartNew();
            Generate(Path.Combine(s3, "raw", "loans"), files, partitions);
            Console.WriteLine($"Generated {files:N0} CSV files in {partitions} partitions in {generate.Elapsed.TotalSeconds:F1} s; {runs} runs, median reported; sampleSize {(sample?.ToString(CultureInfo.InvariantCulture) ?? "all files")}.");

            var full = new List<double>();
            var recrawl = new List<double>();
            (int Tables, int Partitions) figures = default;
            for (var run = 0; run < runs; run++)
            {
                var state = Path.Combine(root, $"state-{run}");
                using (var backends = await OpenAsync(s3, state))
                {
                    var watch = Stopwatch.StartNew();
                    var tally = await Crawl(backends, sample);
                    full.Add(watch.Elapsed.TotalSeconds);
                    figures = (tally.TablesCreated, tally.PartitionsAdded);
                }

                using (var backends = await OpenAsync(s3, state))
                {
                    var watch = Stopwatch.StartNew();
                    var tally = await Crawl(backends, sample);
                    recrawl.Add(watch.Elapsed.TotalSeconds);
                    if (tally.PartitionsAdded != 0 || tally.TablesCreated != 0)
                    {
                        throw new InvalidOperationException("The recrawl of an unchanged tree changed the catalog.");
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine("| Measurement | Median (s) | Runs (s) | Target | Result |");
            Console.WriteLine("| --- | ---: | --- | ---: | --- |");
            Row($"Full crawl: {files:N0} CSV files, {partitions} Hive partitions → {figures.Tables} table, {figures.Partitions} partitions", full, 20);
            Row("Recrawl of the unchanged tree, CRAWL_NEW_FOLDERS_ONLY", recrawl, 2);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<CrawlTally> Crawl(DataBackends backends, int? sample)
    {
        var target = new JsonObject { ["path"] = "s3://raw/loans/" };
        if (sample is { } size)
        {
            target["sampleSize"] = size;
        }

        var request = new CrawlRequest(
            "bench-crawler",
            "lake",
            string.Empty,
            CrawlTarget.Parse([target]),
            CrawlPolicy.Parse(null, CrawlPolicy.CrawlNewFoldersOnly));
        return await new Crawler(backends, TimeProvider.System, NullLogger.Instance).RunAsync(request, CancellationToken.None);
    }

    private static async Task<DataBackends> OpenAsync(string s3, string state)
    {
        Directory.CreateDirectory(state);
        var storage = ObjectStoreFactory.Create(new StorageOptions { Provider = StorageProvider.Local, LocalRoot = s3 }, null, state);
        var catalog = await CatalogFactory.OpenLocalAsync(new CatalogOptions { Path = Path.Combine(state, "catalog.db") }, null, state);
        return new DataBackends(storage, catalog, state);
    }

    /// <summary>Small CSV files (10 rows, 6 typed columns) spread evenly over <c>day=N/</c> folders.</summary>
    private static void Generate(string folder, int files, int partitions)
    {
        var random = new Random(42);
        for (var i = 0; i < files; i++)
        {
            var day = Path.Combine(folder, "day=" + (i % partitions).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(day);
            var text = new StringBuilder("applicant_id,age,income,region,approved,applied_on\n");
            for (var row = 0; row < 10; row++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i * 10 + row},{random.Next(18, 80)},{random.Next(10_000, 200_000)}.{random.Next(0, 99):00},{(random.Next(2) == 0 ? "North" : "South")},{random.Next(2) == 0},2024-0{1 + random.Next(9)}-1{random.Next(10)}\n");
            }

            File.WriteAllText(Path.Combine(day, $"part-{i:00000}.csv"), text.ToString());
        }
    }

    private static void Row(string name, List<double> seconds, double target)
    {
        var median = seconds.Order().ElementAt(seconds.Count / 2);
        var all = string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)));
        Console.WriteLine($"| {name} | {median.ToString("F2", CultureInfo.InvariantCulture)} | {all} | < {target} | {(median < target ? "met" : "missed")} |");
    }
}
