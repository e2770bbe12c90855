using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Features;
using DataPrepWorkflows.Benchmarks.Measuring;

namespace DataPrepWorkflows.Benchmarks.Features;

/// <summary>
/// The local feature store against the figures it must reach: ingestion of a Parquet dataset into the offline store
/// (≥ 200,000 records/s, all checks included, online store off), online GetRecord latency (p99 &lt; 1 ms) and a
/// point-in-time join of base rows against the offline store (1M base rows against 10M records in &lt; 10 s).
/// Options: <c>--records N</c> (default 1,000,000), <c>--base N</c> (default 100,000), <c>--runs N</c> (default 3),
/// <c>--dir PATH</c> and <c>--fresh</c> (see <see cref="FeatureBenchmarkData"/>: generated inputs and the ingested
/// store are cached per parameters; ingestion is measured only when they are built).
/// </summary>
internal sealed class FeatureStoreBenchmarkSuite : IBenchmarkSuite
{
    private const string Definition = """
        {"FeatureGroupName": "bench-fg", "RecordIdentifierFeatureName": "customer_id", "EventTimeFeatureName": "event_time",
         "FeatureDefinitions": [{"FeatureName": "customer_id", "FeatureType": "String"}, {"FeatureName": "event_time", "FeatureType": "String"},
           {"FeatureName": "orders_30d", "FeatureType": "Integral"}, {"FeatureName": "avg_spend", "FeatureType": "Fractional"}],
         "OfflineStoreConfig": {"S3StorageConfig": {"S3Uri": "s3://bench-offline/fs"}}}
        """;

    public string Name => "features";

    public string Description => "Feature Store: offline ingestion records/s, online GetRecord p50/p99, point-in-time join";

    public async Task RunAsync(string[] args)
    {
        var records = BenchmarkArgs.Int(args, "--records", 1_000_000);
        var baseRows = BenchmarkArgs.Int(args, "--base", 100_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 3);
        var data = await FeatureBenchmarkData.PrepareAsync(BenchmarkArgs.Folder(args, Name), records, baseRows, args.Contains("--fresh"));
        var scratch = Directory.CreateTempSubdirectory("dataprep-bench-features-").FullName;
        try
        {
            using var backends = await DataBackends.OpenLocalAsync(data.StoreRoot);
            var ingest = new List<double>();
            if (!data.Reused)
            {
                for (var run = 0; run < runs; run++)
                {
                    var definition = FeatureGroupReader.Read(Definition.Replace("bench-fg", $"bench-fg-{run}", StringComparison.Ordinal)).Group!;
                    using var store = FeatureStore.Open(backends);
                    store.CreateFeatureGroup(definition);
                    var watch = Stopwatch.StartNew();
                    await store.IngestAsync(definition.FeatureGroupName, data.Records);
                    ingest.Add(watch.Elapsed.TotalSeconds);
                }

                await data.MarkCompleteAsync();
            }

            var join = new List<double>();
            using (var store = FeatureStore.Open(backends))
            {
                for (var run = 0; run < runs; run++)
                {
                    var watch = Stopwatch.StartNew();
                    await TrainingSetBuilder.BuildAsync(store, new TrainingSetRequest { Base = data.Base, Groups = ["bench-fg-0"], Output = Path.Combine(scratch, $"train-{run}.parquet") });
                    join.Add(watch.Elapsed.TotalSeconds);
                }
            }

            using var onlineBackends = await DataBackends.OpenLocalAsync(Path.Combine(scratch, "online"));
            var latencies = await OnlineLatenciesAsync(onlineBackends, scratch);
            Console.WriteLine($"| measurement | median | figure to reach |");
            Console.WriteLine($"| --- | --- | --- |");
            Console.WriteLine(ingest.Count > 0
                ? $"| offline ingestion, {records:N0} records | {Median(ingest):F2} s = {records / Median(ingest):N0} records/s | ≥ 200,000 records/s |"
                : $"| offline ingestion, {records:N0} records | not measured: store reused from {data.Root} (--fresh to rebuild and measure) | ≥ 200,000 records/s |");
            Console.WriteLine($"| point-in-time join, {baseRows:N0} base rows × {records:N0} records | {Median(join):F2} s | 1M × 10M < 10 s |");
            Console.WriteLine($"| online GetRecord, {latencies.Length:N0} lookups | p50 {Percentile(latencies, 0.5) * 1000:F1} µs, p99 {Percentile(latencies, 0.99) * 1000:F1} µs | p99 < 1 ms |");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<double[]> OnlineLatenciesAsync(DataBackends backends, string root)
    {
        var definition = FeatureGroupReader.Read(Definition.Replace("\"OfflineStoreConfig\": {\"S3StorageConfig\": {\"S3Uri\": \"s3://bench-offline/fs\"}}", "\"OnlineStoreConfig\": {\"EnableOnlineStore\": true}", StringComparison.Ordinal)
            .Replace("bench-fg", "bench-online", StringComparison.Ordinal)).Group!;
        using var store = FeatureStore.Open(backends);
        store.CreateFeatureGroup(definition);
        var csv = Path.Combine(root, "online.csv");
        await File.WriteAllLinesAsync(csv, Enumerable.Range(0, 100_000).Select(i => $"C-{i},2024-05-01T00:00:00Z,{i % 97},{i % 1000 / 10.0}").Prepend("customer_id,event_time,orders_30d,avg_spend"));
        await store.IngestAsync(definition.FeatureGroupName, csv);
        var latencies = new double[20_000];
        for (var i = 0; i < latencies.Length; i++)
        {
            var id = "C-" + ((i * 7919) % 100_000).ToString(CultureInfo.InvariantCulture);
            var start = Stopwatch.GetTimestamp();
            _ = store.GetRecord(definition.FeatureGroupName, id) ?? throw new InvalidOperationException($"{id} is missing from the online store.");
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(latencies);
        return latencies;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
