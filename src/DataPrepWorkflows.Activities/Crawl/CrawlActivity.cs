using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>
/// The Glue crawler on the local data plane: classifies the files below S3 targets, infers and merges their schemas
/// with DuckDB, and creates or updates one catalog table per folder of compatible files, with Hive-style and unnamed
/// folder levels as partitions. Reports the figures Glue reports for a crawl.
/// </summary>
[Activity("Crawl", Category = "AWS Glue", Description = "Crawls S3 folders and creates or updates Data Catalog tables and partitions, like a Glue crawler.")]
public sealed class CrawlActivity : CodeActivity
{
    /// <summary>S3 targets, as Glue's <c>S3Targets</c>.</summary>
    [Input(Required = true, Order = 0, Description = "S3 targets: [{\"path\": \"s3://raw/loans/\", \"exclusions\": [\"**/_tmp/**\"], \"sampleSize\": 10}]. Exclusions are Glue globs relative to the path (*, **, ?, [abc], {a,b}); sampleSize (1-249) is how many files per folder are read to infer the schema (all when absent).")]
    public JsonArray? Targets { get; set; }

    /// <summary>The catalog database that receives the tables.</summary>
    [Input(Required = true, Order = 1, Description = "Catalog database for the tables; created when missing.")]
    public string Database { get; set; } = "";

    /// <summary>Prefix added to every table name.</summary>
    [Input(Order = 2, Description = "Prefix added to the name of every table the crawler creates.")]
    public string? TablePrefix { get; set; }

    /// <summary>Glue's <c>SchemaChangePolicy</c>.</summary>
    [Input(Order = 3, DefaultJson = "{\"updateBehavior\":\"UPDATE_IN_DATABASE\",\"deleteBehavior\":\"DEPRECATE_IN_DATABASE\"}",
        Description = "updateBehavior: UPDATE_IN_DATABASE (a changed schema updates the table, keeping the previous version) or LOG (only log it). deleteBehavior: DEPRECATE_IN_DATABASE (mark tables and partitions whose data is gone), DELETE_FROM_DATABASE or LOG.")]
    public JsonObject? SchemaChangePolicy { get; set; }

    /// <summary>Glue's <c>RecrawlPolicy.RecrawlBehavior</c>.</summary>
    [Input(Order = 4, DefaultJson = "\"CRAWL_EVERYTHING\"", AllowedValues = ["CRAWL_EVERYTHING", "CRAWL_NEW_FOLDERS_ONLY"],
        Description = "CRAWL_EVERYTHING re-reads every folder; CRAWL_NEW_FOLDERS_ONLY only folders not seen by this crawler before (existing tables gain partitions, schemas are left as they are, deletions are not detected).")]
    public string RecrawlPolicy { get; set; } = CrawlPolicy.CrawlEverything;

    /// <summary>The crawler's name: recorded as <c>UPDATED_BY_CRAWLER</c> and keys its remembered state.</summary>
    [Input(Order = 5, Description = "The crawler's name, recorded in UPDATED_BY_CRAWLER and used to remember seen folders. Defaults to the activity id.")]
    public string? CrawlerName { get; set; }

    /// <summary>Tables created (Glue's <c>TablesCreated</c>).</summary>
    [Output(Description = "Tables created.")]
    public int TablesCreated { get; private set; }

    /// <summary>Tables updated (Glue's <c>TablesUpdated</c>).</summary>
    [Output(Description = "Tables updated (each update keeps the previous definition as a table version).")]
    public int TablesUpdated { get; private set; }

    /// <summary>Tables deleted (Glue's <c>TablesDeleted</c>).</summary>
    [Output(Description = "Tables deleted because their data is gone (DELETE_FROM_DATABASE).")]
    public int TablesDeleted { get; private set; }

    /// <summary>Tables marked deprecated.</summary>
    [Output(Description = "Tables marked DEPRECATED_BY_CRAWLER because their data is gone (DEPRECATE_IN_DATABASE).")]
    public int TablesDeprecated { get; private set; }

    /// <summary>Partitions added.</summary>
    [Output(Description = "Partitions added.")]
    public int PartitionsAdded { get; private set; }

    /// <summary>Partitions deleted.</summary>
    [Output(Description = "Partitions deleted because their folder is gone (DELETE_FROM_DATABASE).")]
    public int PartitionsDeleted { get; private set; }

    /// <summary>The tables the crawl found or changed.</summary>
    [Output(Description = "Names of the tables the crawl found, created or added partitions to.")]
    public IReadOnlyList<string> Tables { get; private set; } = [];

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = Validate(context.ActivityId);
        var tally = await new Crawler(context.Backends(), context.Clock, context.Logger).RunAsync(request, context.CancellationToken).ConfigureAwait(false);
        TablesCreated = tally.TablesCreated;
        TablesUpdated = tally.TablesUpdated;
        TablesDeleted = tally.TablesDeleted;
        TablesDeprecated = tally.TablesDeprecated;
        PartitionsAdded = tally.PartitionsAdded;
        PartitionsDeleted = tally.PartitionsDeleted;
        Tables = [.. tally.Tables];
    }

    private CrawlRequest Validate(string activityId)
    {
        if (!CatalogName.TryNormalize(Database, "database", out var database, out var error))
        {
            throw new ActivityFaultException(CrawlErrors.InvalidInput, $"database: {error}");
        }

        var prefix = TablePrefix ?? string.Empty;
        if (prefix.Length > 0 && PartitionNaming.Sanitize(prefix) != prefix.ToLowerInvariant())
        {
            throw new ActivityFaultException(CrawlErrors.InvalidInput, $"tablePrefix: '{prefix}' may hold only letters, digits and '_'.");
        }

        return new CrawlRequest(
            string.IsNullOrWhiteSpace(CrawlerName) ? activityId : CrawlerName,
            database,
            prefix.ToLowerInvariant(),
            CrawlTarget.Parse(Targets),
            CrawlPolicy.Parse(SchemaChangePolicy, RecrawlPolicy));
    }
}
