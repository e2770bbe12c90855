using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Benchmarks.Features;

/// <summary>
/// The feature suite's generated inputs — the records dataset, the base set and the store they were ingested into —
/// kept in a folder named by the generation parameters, so a later run with the same <c>--records</c>/<c>--base</c>
/// reuses them instead of spending minutes regenerating and re-ingesting (10M records). A folder is reused only when
/// its completion marker exists (written last); otherwise, or with <c>--fresh</c>, it is rebuilt from scratch.
/// </summary>
internal sealed record FeatureBenchmarkData(string Root, string Records, string Base, bool Reused)
{
    // Part of the folder name: change it whenever the generator below changes, so stale caches are not reused.
    private const string GeneratorVersion = "v1";
    private const string MarkerName = "complete";

    /// <summary>The folder holding the store (its state folder); the records and base files sit beside it.</summary>
    public string StoreRoot => Path.Combine(Root, "store");

    /// <summary>Reuses the cached inputs for these parameters, or generates the records and base files afresh.</summary>
    public static async Task<FeatureBenchmarkData> PrepareAsync(string folder, int records, int baseRows, bool fresh)
    {
        var root = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"records-{records}-base-{baseRows}-{GeneratorVersion}"));
        var data = new FeatureBenchmarkData(root, Path.Combine(root, "records.parquet"), Path.Combine(root, "base.parquet"), Reused: true);
        if (!fresh && File.Exists(Path.Combine(root, MarkerName)))
        {
            return data;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var customers = Math.Max(1, records / 10);
        using (var session = DuckDbSession.Open())
        {
            await session.ExecuteAsync(
                $"COPY (SELECT 'C-' || (i % {customers}) AS customer_id, strftime(TIMESTAMP '2024-01-01' + to_seconds(i * 7), '%Y-%m-%dT%H:%M:%SZ') AS event_time, "
                + $"i % 97 AS orders_30d, (i % 1000) / 10.0 AS avg_spend FROM range({records}) t(i)) TO '{data.Records}' (FORMAT parquet)");
            await session.ExecuteAsync(
                $"COPY (SELECT 'C-' || (i % {customers}) AS customer_id, strftime(TIMESTAMP '2024-01-01' + to_seconds((i * 7919) % ({records} * 7)), '%Y-%m-%dT%H:%M:%SZ') AS event_time "
                + $"FROM range({baseRows}) t(i)) TO '{data.Base}' (FORMAT parquet)");
        }

        return data with { Reused = false };
    }

    /// <summary>Marks the folder complete once the store holds the ingested groups, so the next run reuses it.</summary>
    public Task MarkCompleteAsync() =>
        File.WriteAllTextAsync(Path.Combine(Root, MarkerName), TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
}
