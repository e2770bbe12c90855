using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.Storage;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>What to crawl: the activity's inputs, validated.</summary>
internal sealed record CrawlRequest(string CrawlerName, string Database, string TablePrefix, IReadOnlyList<CrawlTarget> Targets, CrawlPolicy Policy);

/// <summary>
/// One crawl: find data folders (all, or only new ones), infer their schemas with DuckDB, group them into tables and
/// bring the catalog in line under the schema change policy.
/// </summary>
internal sealed class Crawler(DataBackends backends, TimeProvider clock, ILogger logger)
{
    public async Task<CrawlTally> RunAsync(CrawlRequest request, CancellationToken cancellationToken)
    {
        var catalog = backends.Catalog;
        if (await catalog.FindDatabaseAsync(request.Database, cancellationToken).ConfigureAwait(false) is null)
        {
            await catalog.CreateDatabaseAsync(new DatabaseInput { Name = request.Database }, cancellationToken).ConfigureAwait(false);
        }

        var state = CrawlerState.Load(backends.StateFolder, request.CrawlerName);
        var sync = new CatalogSync(catalog, request.Database, request.CrawlerName, request.Policy, clock, logger);
        var planner = new TablePlanner(request.TablePrefix);
        var discovery = new FolderDiscovery(backends.Storage, logger);
        var ours = (await catalog.GetTablesAsync(request.Database, cancellationToken).ConfigureAwait(false))
            .Where(t => t.Parameters?.GetValueOrDefault(TableParameters.UpdatedByCrawler) == request.CrawlerName)
            .ToList();
        var sawEverything = true;
        using var session = backends.OpenSession();
        using var paths = new LocalObjectPaths(backends.Storage, Path.Combine(backends.StateFolder, "tmp"));
        var sampler = new SchemaSampler(session, paths);
        foreach (var target in request.Targets)
        {
            var incremental = request.Policy.NewFoldersOnly && state.Knows(target.Path);
            sawEverything &= !incremental;
            List<DataFolder> folders;
            try
            {
                folders = incremental
                    ? await discovery.FindNewAsync(target, state.Seen(target.Path), cancellationToken).ConfigureAwait(false)
                    : await discovery.FindAllAsync(target, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageException error)
            {
                throw new Engine.Activities.ActivityFaultException(CrawlErrors.TargetUnreadable, $"Cannot list {target.Path}: {error.Message}", error);
            }

            CrawlLog.Found(logger, target.Path.ToString(), folders.Count, folders.Sum(f => f.Files.Count));
            if (incremental && folders.Count == 0)
            {
                CrawlLog.NothingNew(logger, target.Path.ToString());
            }

            var remaining = incremental ? await AddToKnownTablesAsync(folders, ours, sync, cancellationToken).ConfigureAwait(false) : folders;
            var sampled = new List<(DataFolder, FolderSchema)>(remaining.Count);
            foreach (var folder in remaining)
            {
                sampled.Add((folder, await sampler.InferAsync(folder, target.SampleSize, cancellationToken).ConfigureAwait(false)));
            }

            foreach (var plan in planner.Plan(target, sampled))
            {
                await sync.ApplyAsync(plan, full: !incremental, cancellationToken).ConfigureAwait(false);
            }

            state.Record(target.Path, folders.Select(f => f.RelativePath), replace: !incremental);
        }

        if (sawEverything)
        {
            // Only a full crawl can tell that data is gone; an incremental one never looks at old folders.
            foreach (var table in ours.Where(t => !sync.Tally.Tables.Contains(t.Name) && request.Targets.Any(target => Covers(target.Path, t))))
            {
                await sync.TableGoneAsync(table, cancellationToken).ConfigureAwait(false);
            }
        }

        state.Save();
        return sync.Tally;
    }

    /// <summary>New folders below an existing table of this crawler become its partitions; the rest are returned for planning.</summary>
    private static async Task<List<DataFolder>> AddToKnownTablesAsync(List<DataFolder> folders, List<Table> tables, CatalogSync sync, CancellationToken cancellationToken)
    {
        var remaining = new List<DataFolder>();
        var additions = new Dictionary<Table, List<PartitionInput>>();
        foreach (var folder in folders)
        {
            var table = tables.FirstOrDefault(t => PartitionValues(t, folder) is not null);
            if (table is null)
            {
                remaining.Add(folder);
                continue;
            }

            var schema = ExistingSchema(table, folder.Format);
            if (!additions.TryGetValue(table, out var list))
            {
                additions[table] = list = [];
            }

            list.Add(TableDefinition.Partition(schema, PartitionValues(table, folder)!, folder, schema));
        }

        foreach (var (table, partitions) in additions)
        {
            await sync.AddPartitionsAsync(table.Name, partitions, cancellationToken).ConfigureAwait(false);
        }

        return remaining;
    }

    /// <summary>The partition values of a folder below a partitioned table's location, or <see langword="null"/> when it does not fit.</summary>
    private static List<string>? PartitionValues(Table table, DataFolder folder)
    {
        var location = table.StorageDescriptor?.Location;
        var keys = table.PartitionKeys ?? [];
        var here = folder.Uri.ToString();
        if (location is null || keys.Count == 0 || !here.StartsWith(location, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = here[location.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != keys.Count)
        {
            return null;
        }

        return segments.Select((s, i) => s.StartsWith(keys[i].Name + "=", StringComparison.OrdinalIgnoreCase) ? PartitionNaming.HiveValue(s) : s).ToList();
    }

    /// <summary>The schema recorded in the catalog, standing in for inference: incremental crawls keep table schemas as they are.</summary>
    private static FolderSchema ExistingSchema(Table table, FileClassification format)
    {
        var parameters = table.Parameters ?? new Dictionary<string, string>();
        var csv = format.Classification == FileClassification.Csv
            ? new CsvDialect(
                parameters.GetValueOrDefault(TableParameters.Delimiter, ",")[0],
                parameters.ContainsKey(TableParameters.SkipHeaderLineCount),
                parameters.GetValueOrDefault(TableParameters.AreColumnsQuoted) == "true")
            : null;
        var average = long.TryParse(parameters.GetValueOrDefault(TableParameters.AverageRecordSize), out var a) ? a : 0;
        var classification = new FileClassification(parameters.GetValueOrDefault(TableParameters.Classification, format.Classification), format.CompressionType);
        return new FolderSchema(classification, table.StorageDescriptor?.Columns ?? [], csv, average > 0 ? 1 : 0, average);
    }

    private static bool Covers(S3Uri target, Table table) =>
        table.StorageDescriptor?.Location is { } location && location.StartsWith(target.ToString(), StringComparison.Ordinal);
}
