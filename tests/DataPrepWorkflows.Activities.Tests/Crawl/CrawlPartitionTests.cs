using DataPrepWorkflows.Activities.Tests.Fixtures;

namespace DataPrepWorkflows.Activities.Tests.Crawl;

public sealed class CrawlPartitionTests : IAsyncLifetime
{
    private GlueHarness _h = null!;

    public async Task InitializeAsync() => _h = await GlueHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Hive_folders_become_typed_partition_keys_with_one_partition_per_folder()
    {
        await _h.PutAsync("s3://lake/sales/year=2024/month=01/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://lake/sales/year=2024/month=02/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://lake/sales/year=2025/month=01/a.csv", CrawlData.Loans);
        await _h.PutAsync("s3://lake/sales/year=2025/month=01/b.csv", CrawlData.Loans);

        var result = await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/sales/"));

        var outputs = result.Outputs();
        Assert.Equal(1, outputs.Int("tablesCreated"));
        Assert.Equal(3, outputs.Int("partitionsAdded"));
        var table = await _h.Backends.Catalog.GetTableAsync("lake", "sales");
        Assert.Equal([("year", "bigint"), ("month", "bigint")], table.PartitionKeys!.Select(k => (k.Name, k.Type!)));
        Assert.Equal(["id", "name", "amount"], table.StorageDescriptor!.Columns!.Select(c => c.Name));
        Assert.Equal("4", table.Parameters!["objectCount"]);
        Assert.Equal("8", table.Parameters["recordCount"]);
        var partitions = await _h.Backends.Catalog.GetPartitionsAsync("lake", "sales");
        Assert.Equal([["2024", "01"], ["2024", "02"], ["2025", "01"]], partitions.Select(p => p.Values.ToArray()));
        var last = partitions[2];
        Assert.Equal("s3://lake/sales/year=2025/month=01/", last.StorageDescriptor!.Location);
        Assert.Equal("2", last.Parameters!["objectCount"]);
        Assert.Equal("4", last.Parameters["recordCount"]);
    }

    [Fact]
    public async Task Unnamed_folder_levels_become_partition_0_and_partition_1()
    {
        await _h.PutAsync("s3://lake/events/2024/jan/a.json", CrawlData.EventsJson);
        await _h.PutAsync("s3://lake/events/2024/feb/a.json", CrawlData.EventsJson);
        await _h.PutAsync("s3://lake/events/2025/jan/a.json", CrawlData.EventsJson);

        await _h.RunAsync("Crawl", CrawlData.Crawl("s3://lake/events/"));

        var table = await _h.Backends.Catalog.GetTableAsync("lake", "events");
        Assert.Equal([("partition_0", "bigint"), ("partition_1", "string")], table.PartitionKeys!.Select(k => (k.Name, k.Type!)));
        var partitions = await _h.Backends.Catalog.GetPartitionsAsync("lake", "events");
        Assert.Equal([["2024", "feb"], ["2024", "jan"], ["2025", "jan"]], partitions.Select(p => p.Values.ToArray()));
    }

    [Fact]
    public async Task Sample_size_limits_the_files_read_per_folder_and_estimates_the_record_count()
    {
        for (var i = 0; i < 4; i++)
        {
            await _h.PutAsync($"s3://lake/loans/part-{i}.csv", CrawlData.Loans);
        }

        await _h.PutAsync("s3://lake/loans/part-9.csv", CrawlData.LoansWithRegion);

        await _h.RunAsync("Crawl", new { targets = new[] { new { path = "s3://lake/loans/", sampleSize = 2 } }, database = "lake" });

        var table = await _h.Backends.Catalog.GetTableAsync("lake", "loans");
        Assert.Equal(["id", "name", "amount"], table.StorageDescriptor!.Columns!.Select(c => c.Name));
        Assert.Equal("5", table.Parameters!["objectCount"]);
        var average = long.Parse(table.Parameters["averageRecordSize"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(CrawlData.Loans.Length / 2, average);
    }
}
