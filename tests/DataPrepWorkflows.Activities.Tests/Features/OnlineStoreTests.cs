using DataPrepWorkflows.Activities.Features;

namespace DataPrepWorkflows.Activities.Tests.Features;

public sealed class OnlineStoreTests
{
    [Fact]
    public async Task Ingest_KeepsLatestEventPerIdentifier_LaterWriteWinsOnTies()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();

        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", """
            customer_id,event_time,orders_30d,avg_spend
            C-001,2024-05-02T00:00:00Z,5,50
            C-001,2024-05-01T00:00:00Z,1,10
            C-002,2024-05-01T00:00:00Z,1,10
            C-002,2024-05-01T00:00:00Z,2,20
            """));

        Assert.Equal("5", fixture.Store.GetRecord("customers-fg", "C-001")!["orders_30d"]);
        Assert.Equal("2", fixture.Store.GetRecord("customers-fg", "C-002")!["orders_30d"]);
        Assert.Equal(2, fixture.Store.CountOnlineRecords("customers-fg"));
    }

    [Fact]
    public async Task Ingest_OlderEventLater_NeverOverwritesNewer()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", "customer_id,event_time,orders_30d,avg_spend\nC-001,2024-05-02T00:00:00Z,5,50"));

        var older = await fixture.Store.IngestAsync("customers-fg", fixture.Write("b.csv", "customer_id,event_time,orders_30d,avg_spend\nC-001,2024-05-01T23:59:59.999Z,1,10"));
        var equal = await fixture.Store.IngestAsync("customers-fg", fixture.Write("c.csv", "customer_id,event_time,orders_30d,avg_spend\nC-001,2024-05-02T00:00:00Z,7,70"));

        Assert.Equal(0, older.OnlineRecordsWritten);
        Assert.Equal(1, equal.OnlineRecordsWritten);
        var record = fixture.Store.GetRecord("customers-fg", "C-001")!;
        Assert.Equal(
            [new FeatureValue("customer_id", "C-001"), new FeatureValue("event_time", "2024-05-02T00:00:00Z"), new FeatureValue("orders_30d", "7"), new FeatureValue("avg_spend", "70.0")],
            record.Record);
    }

    [Fact]
    public async Task GetRecord_FeatureNames_SelectsAndChecks()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", "customer_id,event_time,orders_30d\nC-001,2024-05-02T00:00:00Z,5"));

        var record = fixture.Store.GetRecord("customers-fg", "C-001", ["orders_30d", "avg_spend"])!;

        Assert.Equal([new FeatureValue("orders_30d", "5")], record.Record);
        Assert.Null(fixture.Store.GetRecord("customers-fg", "C-404"));
        Assert.Equal(FeatureStoreErrors.ValidationError, Assert.Throws<FeatureStoreException>(() => fixture.Store.GetRecord("customers-fg", "C-001", ["nope"])).Error);
        Assert.Equal(FeatureStoreErrors.ResourceNotFound, Assert.Throws<FeatureStoreException>(() => fixture.Store.GetRecord("other-fg", "C-001")).Error);
    }

    [Fact]
    public async Task SoftDelete_HidesRecord_OlderPutCannotReviveIt_NewerPutDoes()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", "customer_id,event_time,orders_30d\nC-001,2024-05-01T00:00:00Z,5\nC-002,2024-05-01T00:00:00Z,6"));

        await fixture.Store.DeleteRecordAsync("customers-fg", "C-001", "2024-05-02T00:00:00Z");
        Assert.Null(fixture.Store.GetRecord("customers-fg", "C-001"));
        Assert.Equal(1, fixture.Store.CountOnlineRecords("customers-fg"));

        await fixture.Store.IngestAsync("customers-fg", fixture.Write("b.csv", "customer_id,event_time,orders_30d\nC-001,2024-05-01T12:00:00Z,9"));
        Assert.Null(fixture.Store.GetRecord("customers-fg", "C-001"));

        await fixture.Store.IngestAsync("customers-fg", fixture.Write("c.csv", "customer_id,event_time,orders_30d\nC-001,2024-05-03T00:00:00Z,11"));
        Assert.Equal("11", fixture.Store.GetRecord("customers-fg", "C-001")!["orders_30d"]);

        using var session = fixture.Backends.OpenSession();
        var folder = fixture.Backends.ResolveLocalPath(group.ResolvedOutputS3Uri!);
        var deleted = await session.QueryAsync($"SELECT customer_id, event_time, orders_30d, is_deleted FROM read_parquet('{folder}/**/*.parquet') WHERE is_deleted");
        Assert.Equal(["C-001", "2024-05-02T00:00:00Z", null, true], Assert.Single(deleted.Rows));
    }

    [Fact]
    public async Task HardDelete_RemovesRecord_AndOlderPutComesBack()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", "customer_id,event_time,orders_30d\nC-001,2024-05-01T00:00:00Z,5"));

        await fixture.Store.DeleteRecordAsync("customers-fg", "C-001", "2024-05-02T00:00:00Z", DeletionMode.HardDelete);
        Assert.Null(fixture.Store.GetRecord("customers-fg", "C-001"));

        await fixture.Store.IngestAsync("customers-fg", fixture.Write("b.csv", "customer_id,event_time,orders_30d\nC-001,2024-04-01T00:00:00Z,1"));
        Assert.Equal("1", fixture.Store.GetRecord("customers-fg", "C-001")!["orders_30d"]);
    }

    [Fact]
    public async Task DeleteRecord_BadEventTime_IsValidationError()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();

        var error = await Assert.ThrowsAsync<FeatureStoreException>(() => fixture.Store.DeleteRecordAsync("customers-fg", "C-001", "2024-05-02 00:00:00"));

        Assert.Equal(FeatureStoreErrors.ValidationError, error.Error);
    }

    [Fact]
    public async Task BatchGetRecord_ReturnsFoundRecordsAndPerRecordErrors()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", "customer_id,event_time,orders_30d\nC-001,2024-05-01T00:00:00Z,5\nC-002,2024-05-01T00:00:00Z,6"));

        var result = fixture.Store.BatchGetRecord([
            new BatchGetRecordIdentifier("customers-fg", ["C-001", "C-404", "C-002"], ["orders_30d"]),
            new BatchGetRecordIdentifier("missing-fg", ["C-001"]),
        ]);

        Assert.Equal(["C-001", "C-002"], result.Records.Select(r => r.RecordIdentifierValueAsString));
        Assert.Equal("ResourceNotFound", Assert.Single(result.Errors).ErrorCode);
        Assert.Empty(result.UnprocessedIdentifiers);
    }

    [Fact]
    public async Task BatchGetRecord_MoreThan100Records_IsValidationError()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();

        var ids = Enumerable.Range(0, 101).Select(i => $"C-{i}").ToArray();

        Assert.Equal(FeatureStoreErrors.ValidationError,
            Assert.Throws<FeatureStoreException>(() => fixture.Store.BatchGetRecord([new BatchGetRecordIdentifier("customers-fg", ids)])).Error);
    }
}
