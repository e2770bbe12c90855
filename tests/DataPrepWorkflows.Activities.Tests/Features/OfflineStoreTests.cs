using DataPrepWorkflows.Activities.Features;
using DataPrepWorkflows.Catalog;

namespace DataPrepWorkflows.Activities.Tests.Features;

public sealed class OfflineStoreTests
{
    private const string Records = """
        customer_id,event_time,orders_30d,avg_spend,segment
        C-001,2024-05-01T12:00:00Z,3,42.5,gold
        C-002,2024-05-01T12:30:00.250Z,1,10,silver
        C-001,2024-06-30T23:59:59Z,4,40.25,gold
        ,2024-05-01T12:00:00Z,1,1,none
        C-003,2024-05-01 12:00:00,1,1,bad-time
        C-004,2024-05-01T12:00:00Z,many,1,bad-int
        C-005,2024-05-01T12:00:00Z,2,lots,bad-double
        """;

    [Fact]
    public async Task Ingest_WritesParquetInFeatureStoreLayout()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();

        var result = await fixture.Store.IngestAsync("customers-fg", fixture.Write("records.csv", Records));

        Assert.Equal("s3://fs-offline-bucket/prefix/111122223333/sagemaker/eu-west-1/offline-store/customers-fg-1768467600/data", group.ResolvedOutputS3Uri);
        Assert.Equal(3, result.Ingested);
        Assert.Equal(2, result.OfflineFiles.Count); // 12:00 and 12:30 share the hour partition
        var prefix = group.ResolvedOutputS3Uri + "/";
        Assert.Matches(@"^year=2024/month=05/day=01/hour=12/20240501T123000Z_[A-Za-z0-9]{16}\.parquet$", result.OfflineFiles[0][prefix.Length..]);
        Assert.Matches(@"^year=2024/month=06/day=30/hour=23/20240630T235959Z_[A-Za-z0-9]{16}\.parquet$", result.OfflineFiles[1][prefix.Length..]);
        Assert.All(result.OfflineFiles, f => Assert.True(File.Exists(fixture.Backends.ResolveLocalPath(f)), f));
    }

    [Fact]
    public async Task Ingest_OfflineRowsCarryTheAppendedColumns()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("records.csv", Records));

        using var session = fixture.Backends.OpenSession();
        var folder = fixture.Backends.ResolveLocalPath(group.ResolvedOutputS3Uri!);
        var rows = await session.QueryAsync(
            $"SELECT customer_id, event_time, orders_30d, avg_spend, write_time, api_invocation_time, is_deleted, year, month, day, hour FROM read_parquet('{folder}/**/*.parquet', hive_partitioning = true) ORDER BY event_time");
        var schema = await session.QueryAsync($"SELECT name, type FROM parquet_schema('{folder}/**/*.parquet') WHERE name <> 'duckdb_schema'");

        Assert.Equal(["customer_id", "event_time", "orders_30d", "avg_spend", "write_time", "api_invocation_time", "is_deleted"], schema.Rows.Select(r => (string)r[0]!).Distinct());
        Assert.Equal(3, rows.Rows.Count);
        var first = rows.Rows[0];
        Assert.Equal("C-001", first[0]);
        Assert.Equal("2024-05-01T12:00:00Z", first[1]);
        Assert.Equal(3L, first[2]);
        Assert.Equal(42.5, first[3]);
        Assert.Equal(new DateTime(2026, 1, 15, 9, 0, 0), first[4]);
        Assert.Equal(new DateTime(2026, 1, 15, 9, 0, 0), first[5]);
        Assert.Equal(false, first[6]);
        Assert.Equal(["2024", "05", "01", "12"], first[7..].Select(v => v!.ToString()));
    }

    [Fact]
    public async Task Ingest_CountsRejectedRecordsByReason()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();

        var result = await fixture.Store.IngestAsync("customers-fg", fixture.Write("records.csv", Records));

        Assert.Equal(4, result.Rejected);
        Assert.Equal(1, result.RejectionReasons["missing record identifier 'customer_id'"]);
        Assert.Equal(1, Assert.Single(result.RejectionReasons, r => r.Key.StartsWith("invalid event time 'event_time'", StringComparison.Ordinal)).Value);
        Assert.Equal(1, result.RejectionReasons["type mismatch: 'orders_30d' is not Integral"]);
        Assert.Equal(1, result.RejectionReasons["type mismatch: 'avg_spend' is not Fractional"]);
        Assert.Equal(["segment"], result.IgnoredColumns);
    }

    [Fact]
    public async Task Ingest_FractionalEventTimes_PartitionByUtcHour()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.Store.CreateFeatureGroup(FeatureStoreFixture.Definition(FeatureStoreFixture.CustomersJson.Replace(
            "{\"FeatureName\": \"event_time\", \"FeatureType\": \"String\"}", "{\"FeatureName\": \"event_time\", \"FeatureType\": \"Fractional\"}", StringComparison.Ordinal)));

        var result = await fixture.Store.IngestAsync("customers-fg", fixture.Write("records.csv", """
            customer_id,event_time,orders_30d,avg_spend
            C-001,1714564800.5,3,42.5
            C-002,-99999999999999,1,1
            """));

        Assert.Equal(1, result.Ingested);
        Assert.Contains("/year=2024/month=05/day=01/hour=12/20240501T120000Z_", Assert.Single(result.OfflineFiles), StringComparison.Ordinal);
        Assert.Equal(1, result.Rejected);
    }

    [Fact]
    public async Task Ingest_RegistersTheOfflineTableAsFeatureStoreDoes()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("records.csv", Records));

        var table = await fixture.Backends.Catalog.GetTableAsync("sagemaker_featurestore", "customers_fg_1768467600");
        var partitions = await fixture.Backends.Catalog.GetPartitionsAsync("sagemaker_featurestore", "customers_fg_1768467600");

        Assert.Equal("sagemaker_featurestore.customers_fg_1768467600", group.OfflineTable);
        Assert.Equal(Table.ExternalTable, table.TableType);
        Assert.Equal(group.ResolvedOutputS3Uri, table.StorageDescriptor!.Location);
        Assert.Equal("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", table.StorageDescriptor.SerdeInfo!.SerializationLibrary);
        Assert.Equal(
            ["customer_id:string", "event_time:string", "orders_30d:bigint", "avg_spend:double", "write_time:timestamp", "api_invocation_time:timestamp", "is_deleted:boolean"],
            table.StorageDescriptor.Columns!.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal(["year", "month", "day", "hour"], table.PartitionKeys!.Select(k => k.Name));
        Assert.Equal(["2024/05/01/12", "2024/06/30/23"], partitions.Select(p => string.Join('/', p.Values)));
    }

    [Fact]
    public async Task Ingest_Twice_AddsFilesAndKeepsHistory()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();
        var data = fixture.Write("records.csv", Records);
        await fixture.Store.IngestAsync("customers-fg", data);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await fixture.Store.IngestAsync("customers-fg", data);

        using var session = fixture.Backends.OpenSession();
        var folder = fixture.Backends.ResolveLocalPath(group.ResolvedOutputS3Uri!);
        var rows = await session.QueryAsync($"SELECT count(*), count(DISTINCT write_time) FROM read_parquet('{folder}/**/*.parquet')");

        Assert.Equal(6L, rows.Rows[0][0]);
        Assert.Equal(2L, rows.Rows[0][1]);
    }

    [Fact]
    public async Task Ingest_DataWithoutEventTimeColumn_IsClearError()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();

        var error = await Assert.ThrowsAsync<FeatureStoreException>(() => fixture.Store.IngestAsync("customers-fg", fixture.Write("records.csv", "customer_id,orders_30d\nC-1,2")));

        Assert.Equal(FeatureStoreErrors.DataUnreadable, error.Error);
        Assert.Contains("'event_time'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFeatureGroup_SameNameOtherDefinition_IsRefused()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var first = fixture.CreateCustomers();
        fixture.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(first, fixture.CreateCustomers());
        var error = Assert.Throws<FeatureStoreException>(() => fixture.Store.CreateFeatureGroup(FeatureStoreFixture.Definition() with { Description = "changed" }));
        Assert.Equal(FeatureStoreErrors.GroupChanged, error.Error);
    }
}
