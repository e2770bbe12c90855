namespace DataPrepWorkflows.Catalog.Tests.Sqlite;

/// <summary>Several catalog instances (as the CLI and a server would be) writing the same file at once.</summary>
public sealed class ConcurrencyTests : CatalogTestBase
{
    [Fact]
    public async Task Concurrent_updates_from_two_instances_are_all_kept_in_the_version_history()
    {
        await CreateDatabaseAsync();
        await Catalog.CreateTableAsync("sales", CsvTable("orders", "day"));
        var other = await OpenAsync();

        var writers = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var catalog = i % 2 == 0 ? Catalog : other;
            await catalog.UpdateTableAsync("sales", CsvTable("orders", "day") with { Description = $"update {i}" });
            await catalog.BatchCreatePartitionAsync("sales", "orders", [new PartitionInput { Values = [$"d{i:00}"] }]);
        }));
        await Task.WhenAll(writers);

        var versions = await Catalog.GetTableVersionsAsync("sales", "orders");
        Assert.Equal(Enumerable.Range(0, 41).Reverse().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), versions.Select(v => v.VersionId));
        Assert.Equal(40, (await other.GetPartitionsAsync("sales", "orders")).Count);
    }
}
