using DataPrepWorkflows.Activities.Tests.Fixtures;

namespace DataPrepWorkflows.Activities.Tests.Crawl;

public sealed class CrawlPolicyTests : IAsyncLifetime
{
    private GlueHarness _h = null!;

    public async Task InitializeAsync() => _h = await GlueHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task SeedAsync()
    {
        await _h.PutAsync("s3://lake/loans/day=1/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://lake/loans/day=2/a.csv", CrawlData.Loans);
    }

    [Fact]
    public async Task A_repeated_crawl_of_unchanged_data_changes_nothing()
    {
        await SeedAsync();
        await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/"));

        var again = (await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/"), "i-2")).Outputs();

        Assert.Equal((0, 0, 0, 0), (again.Int("tablesCreated"), again.Int("tablesUpdated"), again.Int("tablesDeleted"), again.Int("partitionsAdded")));
        Assert.Single(await _h.Backends.Catalog.GetTableVersionsAsync("lake", "loans"));
    }

    [Fact]
    public async Task A_column_added_in_new_files_updates_the_table_as_a_new_version()
    {
        await SeedAsync();
        await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/"));
        await _h.PutAsync("s3://lake/loans/day=3/a.csv", CrawlData.LoansWithRegion);

        var outputs = (await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/"), "i-2")).Outputs();

        Assert.Equal((0, 1, 1), (outputs.Int("tablesCreated"), outputs.Int("tablesUpdated"), outputs.Int("partitionsAdded")));
        var table = await _h.Backends.Catalog.GetTableAsync("lake", "loans");
        Assert.Equal(["id", "name", "amount", "region"], table.StorageDescriptor!.Columns!.Select(c => c.Name));
        Assert.Equal("1", table.VersionId);
        Assert.Equal(2, (await _h.Backends.Catalog.GetTableVersionsAsync("lake", "loans")).Count);
    }

    [Fact]
    public async Task Update_behavior_LOG_keeps_the_table_but_still_adds_partitions()
    {
        await SeedAsync();
        await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/"));
        await _h.PutAsync("s3://lake/loans/day=3/a.csv", CrawlData.LoansWithRegion);

        var run = await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/", extra: new { schemaChangePolicy = new { updateBehavior = "LOG" } }), "i-2");

        var outputs = run.Outputs();
        Assert.Equal((0, 1), (outputs.Int("tablesUpdated"), outputs.Int("partitionsAdded")));
        var table = await _h.Backends.Catalog.GetTableAsync("lake", "loans");
        Assert.Equal(["id", "name", "amount"], table.StorageDescriptor!.Columns!.Select(c => c.Name));
        Assert.Single(await _h.Backends.Catalog.GetTableVersionsAsync("lake", "loans"));
        Assert.Contains(run.Logs(), m => m.Contains("UpdateBehavior is LOG", StringComparison.Ordinal) && m.Contains("region", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_folders_only_adds_new_partitions_and_leaves_seen_folders_and_the_schema_alone()
    {
        await SeedAsync();
        var policy = new { recrawlPolicy = "CRAWL_NEW_FOLDERS_ONLY" };
        Assert.Equal(2, (await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/", extra: policy))).Outputs().Int("partitionsAdded"));
        await _h.PutAsync("s3://lake/loans/day=1/b.csv", CrawlData.LoansWithRegion);
        await _h.PutAsync("s3://lake/loans/day=3/a.csv", CrawlData.Loans);

        var outputs = (await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/", extra: policy), "i-2")).Outputs();
        var unchanged = (await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/loans/", extra: policy), "i-3")).Outputs();

        Assert.Equal((0, 0, 1), (outputs.Int("tablesCreated"), outputs.Int("tablesUpdated"), outputs.Int("partitionsAdded")));
        Assert.Equal(0, unchanged.Int("partitionsAdded"));
        var table = await _h.Backends.Catalog.GetTableAsync("lake", "loans");
        Assert.Equal(["id", "name", "amount"], table.StorageDescriptor!.Columns!.Select(c => c.Name));
        var partitions = await _h.Backends.Catalog.GetPartitionsAsync("lake", "loans");
        Assert.Equal(["1", "2", "3"], partitions.Select(p => p.Values[0]));
        Assert.Equal("1", partitions[0].Parameters!["objectCount"]);
    }

    [Theory]
    [InlineData("DELETE_FROM_DATABASE", 1, 0)]
    [InlineData("DEPRECATE_IN_DATABASE", 0, 1)]
    [InlineData("LOG", 0, 0)]
    public async Task Data_that_is_gone_follows_the_delete_behavior(string behavior, int deleted, int deprecated)
    {
        await _h.PutAsync("s3://raw/landing/loans/day=1/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://raw/landing/loans/day=2/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://raw/landing/customers/a.csv", CrawlData.Customers);
        var inputs = new
        {
            targets = new[] { new { path = "s3://raw/landing/loans/" }, new { path = "s3://raw/landing/customers/" } },
            database = "lake",
            schemaChangePolicy = new { deleteBehavior = behavior },
        };
        await _h.RunAsync("Crawl", inputs);
        await _h.DeleteAsync("s3://raw/landing/customers/a.csv");
        await _h.DeleteAsync("s3://raw/landing/loans/day=2/a.csv");

        var outputs = (await _h.RunAsync("Crawl", inputs, "i-2")).Outputs();

        Assert.Equal((deleted, deprecated), (outputs.Int("tablesDeleted"), outputs.Int("tablesDeprecated")));
        Assert.Equal(deleted, outputs.Int("partitionsDeleted"));
        var customers = await _h.Backends.Catalog.FindTableAsync("lake", "customers");
        var partitions = await _h.Backends.Catalog.GetPartitionsAsync("lake", "loans");
        switch (behavior)
        {
            case "DELETE_FROM_DATABASE":
                Assert.Null(customers);
                Assert.Single(partitions);
                break;
            case "DEPRECATE_IN_DATABASE":
                Assert.True(customers!.Parameters!.ContainsKey("DEPRECATED_BY_CRAWLER"));
                Assert.True(partitions[1].Parameters!.ContainsKey("DEPRECATED_BY_CRAWLER"));
                break;
            default:
                Assert.False(customers!.Parameters!.ContainsKey("DEPRECATED_BY_CRAWLER"));
                Assert.Equal(2, partitions.Count);
                break;
        }
    }
}
