using System.Globalization;
using DataPrepWorkflows.Catalog;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Writes the crawl's findings into the catalog under the schema change policy, counting what changed.</summary>
internal sealed class CatalogSync(ICatalog catalog, string database, string crawlerName, CrawlPolicy policy, TimeProvider clock, ILogger logger)
{
    public CrawlTally Tally { get; } = new();

    /// <summary>Creates or updates the table and adds its new partitions; with <paramref name="full"/> also handles partitions whose folders are gone.</summary>
    public async Task ApplyAsync(TablePlan plan, bool full, CancellationToken cancellationToken)
    {
        var found = TableDefinition.Table(plan, crawlerName);
        var current = await catalog.FindTableAsync(database, plan.Name, cancellationToken).ConfigureAwait(false);
        Tally.Tables.Add(plan.Name);
        if (current is null)
        {
            await catalog.CreateTableAsync(database, found, cancellationToken).ConfigureAwait(false);
            Tally.TablesCreated++;
            CrawlLog.TableCreated(logger, $"{database}.{plan.Name}", plan.Schema.Columns.Count, plan.Partitions.Count, plan.Location.ToString());
        }
        else if (TableChange.Describe(current, found) is { } change)
        {
            if (policy.UpdateBehavior == CrawlPolicy.UpdateInDatabase)
            {
                await catalog.UpdateTableAsync(database, found, cancellationToken: cancellationToken).ConfigureAwait(false);
                Tally.TablesUpdated++;
                CrawlLog.TableUpdated(logger, $"{database}.{plan.Name}", change);
            }
            else
            {
                CrawlLog.UpdateLogged(logger, $"{database}.{plan.Name}", change);
            }
        }

        if (plan.PartitionKeys.Count == 0)
        {
            return;
        }

        var existing = current is null
            ? []
            : (await catalog.GetPartitionsAsync(database, plan.Name, cancellationToken: cancellationToken).ConfigureAwait(false)).ToList();
        var known = existing.Select(p => Key(p.Values)).ToHashSet(StringComparer.Ordinal);
        await AddPartitionsAsync(plan.Name, plan.Partitions.Where(p => !known.Contains(Key(p.Values))).Select(p => TableDefinition.Partition(plan, p)).ToList(), cancellationToken)
            .ConfigureAwait(false);
        if (full)
        {
            var present = plan.Partitions.Select(p => Key(p.Values)).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in existing.Where(p => !present.Contains(Key(p.Values))))
            {
                await PartitionGoneAsync(plan.Name, gone, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds partitions in one batch, counting those the catalog created.</summary>
    public async Task AddPartitionsAsync(string table, IReadOnlyList<PartitionInput> partitions, CancellationToken cancellationToken)
    {
        if (partitions.Count == 0)
        {
            return;
        }

        var errors = await catalog.BatchCreatePartitionAsync(database, table, partitions, cancellationToken).ConfigureAwait(false);
        var added = partitions.Count - errors.Count;
        Tally.PartitionsAdded += added;
        Tally.Tables.Add(table);
        CrawlLog.PartitionsAdded(logger, $"{database}.{table}", added);
    }

    /// <summary>Applies DeleteBehavior to a table this crawler made whose folder no longer holds data.</summary>
    public async Task TableGoneAsync(Table table, CancellationToken cancellationToken)
    {
        CrawlLog.DataGone(logger, $"table {database}.{table.Name}", table.StorageDescriptor?.Location ?? "?", policy.DeleteBehavior);
        switch (policy.DeleteBehavior)
        {
            case CrawlPolicy.DeleteFromDatabase:
                await catalog.DeleteTableAsync(database, table.Name, cancellationToken).ConfigureAwait(false);
                Tally.TablesDeleted++;
                break;
            case CrawlPolicy.DeprecateInDatabase when table.Parameters?.ContainsKey(TableDefinition.DeprecatedByCrawler) != true:
                var parameters = new Dictionary<string, string>(table.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal)
                {
                    [TableDefinition.DeprecatedByCrawler] = Now(),
                };
                await catalog.UpdateTableAsync(database, TableInput.From(table) with { Parameters = parameters }, cancellationToken: cancellationToken).ConfigureAwait(false);
                Tally.TablesDeprecated++;
                break;
        }
    }

    private async Task PartitionGoneAsync(string table, Partition partition, CancellationToken cancellationToken)
    {
        CrawlLog.DataGone(logger, $"partition {database}.{table} ({string.Join(", ", partition.Values)})", partition.StorageDescriptor?.Location ?? "?", policy.DeleteBehavior);
        switch (policy.DeleteBehavior)
        {
            case CrawlPolicy.DeleteFromDatabase:
                await catalog.DeletePartitionAsync(database, table, partition.Values, cancellationToken).ConfigureAwait(false);
                Tally.PartitionsDeleted++;
                break;
            case CrawlPolicy.DeprecateInDatabase when partition.Parameters?.ContainsKey(TableDefinition.DeprecatedByCrawler) != true:
                var parameters = new Dictionary<string, string>(partition.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal)
                {
                    [TableDefinition.DeprecatedByCrawler] = Now(),
                };
                var input = new PartitionInput { Values = partition.Values, StorageDescriptor = partition.StorageDescriptor, Parameters = parameters };
                await catalog.UpdatePartitionAsync(database, table, partition.Values, input, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private string Now() => clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Key(IReadOnlyList<string> values) => string.Join('\u0001', values);
}

/// <summary>The figures a crawl reports, as Glue's crawler metrics.</summary>
internal sealed class CrawlTally
{
    public int TablesCreated { get; set; }

    public int TablesUpdated { get; set; }

    public int TablesDeleted { get; set; }

    public int TablesDeprecated { get; set; }

    public int PartitionsAdded { get; set; }

    public int PartitionsDeleted { get; set; }

    public SortedSet<string> Tables { get; } = new(StringComparer.Ordinal);
}
