using DataPrepWorkflows.Activities.Features;

namespace DataPrepWorkflows.Activities.Tests.Features;

public sealed class TrainingSetBuilderTests
{
    [Fact]
    public async Task Build_UsesNewestRecordAtOrBeforeEachTimestamp_NoFutureLeakage()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("f.csv", """
            customer_id,event_time,orders_30d,avg_spend
            C-001,2024-05-01T00:00:00Z,1,10
            C-001,2024-05-03T00:00:00Z,3,30
            C-001,2024-05-05T00:00:00Z,5,50
            C-002,2024-05-02T00:00:00Z,2,20
            """));
        var output = Path.Combine(fixture.Root, "train.csv");

        var rows = await TrainingSetBuilder.BuildAsync(fixture.Store, new TrainingSetRequest
        {
            Base = fixture.Write("base.csv", """
                customer_id,event_time,label
                C-001,2024-04-30T23:59:59Z,a
                C-001,2024-05-01T00:00:00Z,b
                C-001,2024-05-04T12:00:00Z,c
                C-002,2024-05-01T00:00:00Z,d
                C-003,2024-05-09T00:00:00Z,e
                """),
            Groups = ["customers-fg"],
            Output = output,
        });

        Assert.Equal(5, rows);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("customer_id,event_time,label,event_time.1,orders_30d,avg_spend", lines[0]);
        Assert.Equal("C-001,2024-04-30T23:59:59Z,a,,,", lines[1]);
        Assert.Equal("C-001,2024-05-01T00:00:00Z,b,2024-05-01T00:00:00Z,1,10.0", lines[2]);
        Assert.Equal("C-001,2024-05-04T12:00:00Z,c,2024-05-03T00:00:00Z,3,30.0", lines[3]);
        Assert.Equal("C-002,2024-05-01T00:00:00Z,d,,,", lines[4]);
        Assert.Equal("C-003,2024-05-09T00:00:00Z,e,,,", lines[5]);
    }

    [Fact]
    public async Task Build_RespectsDeletesDuplicatesAndAsOf()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", "customer_id,event_time,orders_30d\nC-001,2024-05-01T00:00:00Z,1\nC-002,2024-05-01T00:00:00Z,2"));
        var firstWrite = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        // A re-sent record at the same event time: the later API call wins.
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("b.csv", "customer_id,event_time,orders_30d\nC-002,2024-05-01T00:00:00Z,22"));
        await fixture.Store.DeleteRecordAsync("customers-fg", "C-001", "2024-05-02T00:00:00Z");
        var basePath = fixture.Write("base.csv", "customer_id,event_time\nC-001,2024-05-03T00:00:00Z\nC-002,2024-05-03T00:00:00Z");

        var now = Path.Combine(fixture.Root, "now.csv");
        await TrainingSetBuilder.BuildAsync(fixture.Store, new TrainingSetRequest { Base = basePath, Groups = ["customers-fg"], Output = now });
        var then = Path.Combine(fixture.Root, "then.csv");
        await TrainingSetBuilder.BuildAsync(fixture.Store, new TrainingSetRequest { Base = basePath, Groups = ["customers-fg"], Output = then, AsOf = firstWrite });

        var current = await File.ReadAllLinesAsync(now);
        Assert.Equal("C-001,2024-05-03T00:00:00Z,,,", current[1]);
        Assert.Equal("C-002,2024-05-03T00:00:00Z,2024-05-01T00:00:00Z,22,", current[2]);
        var known = await File.ReadAllLinesAsync(then);
        Assert.Equal("C-001,2024-05-03T00:00:00Z,2024-05-01T00:00:00Z,1,", known[1]);
        Assert.Equal("C-002,2024-05-03T00:00:00Z,2024-05-01T00:00:00Z,2,", known[2]);
    }

    [Fact]
    public async Task Build_ReadsOfflineFilesWhoseColumnsDiffer()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();
        await fixture.Store.IngestAsync("customers-fg", fixture.Write("a.csv", "customer_id,event_time,orders_30d,avg_spend\nC-001,2024-05-01T00:00:00Z,1,10"));
        // A file from another writer: columns in another order and no avg_spend, so one schema does not fit all files.
        var folder = await fixture.Store.OfflineFolderAsync(group, CancellationToken.None);
        var other = Path.Combine(folder!, "year=2024", "month=05", "day=02", "hour=00", "other-writer.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        using (var session = fixture.Backends.OpenSession())
        {
            await session.ExecuteAsync(
                "COPY (SELECT false AS is_deleted, TIMESTAMP '2024-06-01 00:00:00' AS api_invocation_time, TIMESTAMP '2024-06-01 00:00:00' AS write_time, "
                + $"7 AS orders_30d, '2024-05-02T00:00:00Z' AS event_time, 'C-001' AS customer_id) TO '{other}' (FORMAT parquet)");
        }

        var output = Path.Combine(fixture.Root, "train.csv");
        var basePath = fixture.Write("base.csv", "customer_id,event_time\nC-001,2024-05-01T12:00:00Z\nC-001,2024-05-03T00:00:00Z");
        await TrainingSetBuilder.BuildAsync(fixture.Store, new TrainingSetRequest { Base = basePath, Groups = ["customers-fg"], Output = output });

        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("C-001,2024-05-01T12:00:00Z,2024-05-01T00:00:00Z,1,10.0", lines[1]);
        Assert.Equal("C-001,2024-05-03T00:00:00Z,2024-05-02T00:00:00Z,7,", lines[2]);
    }

    [Fact]
    public async Task Build_BreaksEventTimeTiesByApiInvocationThenWriteTime_AndDropsEverythingUpToTheLatestDelete()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();
        var folder = await fixture.Store.OfflineFolderAsync(group, CancellationToken.None);
        var file = Path.Combine(folder!, "year=2024", "month=05", "day=01", "hour=00", "history.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var session = fixture.Backends.OpenSession())
        {
            // (identifier, event time, orders_30d, api_invocation_time hour, write_time hour, is_deleted)
            await session.ExecuteAsync(
                "COPY (SELECT c AS customer_id, e AS event_time, o AS orders_30d, CAST(NULL AS DOUBLE) AS avg_spend, "
                + "TIMESTAMP '2024-06-01' + to_hours(w) AS write_time, TIMESTAMP '2024-06-01' + to_hours(a) AS api_invocation_time, d AS is_deleted FROM (VALUES "
                + "('C-001', '2024-05-01T00:00:00Z', 1, 10, 12, false), ('C-001', '2024-05-01T00:00:00Z', 2, 11, 9, false), "
                + "('C-001', '2024-05-02T00:00:00Z', 3, 10, 10, false), ('C-001', '2024-05-02T00:00:00Z', 4, 10, 11, false), "
                + "('C-002', '2024-05-01T00:00:00Z', 6, 1, 1, false), ('C-002', '2024-05-02T00:00:00Z', NULL, 5, 5, true), ('C-002', '2024-05-02T00:00:00Z', 5, 6, 6, false), "
                + "('C-003', '2024-05-01T00:00:00Z', 7, 1, 1, false), ('C-003', '2024-05-02T00:00:00Z', NULL, 2, 2, true), ('C-003', '2024-05-03T00:00:00Z', 8, 3, 3, false), "
                + $"('C-003', 'not a time', 9, 4, 4, false)) t(c, e, o, a, w, d)) TO '{file}' (FORMAT parquet)");
        }

        var basePath = fixture.Write("base.csv", "customer_id,event_time\n"
            + "C-001,2024-05-01T12:00:00Z\nC-001,2024-05-03T00:00:00Z\n"
            + "C-002,2024-05-01T12:00:00Z\nC-002,2024-05-03T00:00:00Z\n"
            + "C-003,2024-05-01T12:00:00Z\nC-003,2024-05-02T12:00:00Z\nC-003,2024-05-04T00:00:00Z\nC-003,later");
        var output = Path.Combine(fixture.Root, "train.csv");
        await TrainingSetBuilder.BuildAsync(fixture.Store, new TrainingSetRequest { Base = basePath, Groups = ["customers-fg"], Output = output });

        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(
        [
            "C-001,2024-05-01T12:00:00Z,2024-05-01T00:00:00Z,2,",
            "C-001,2024-05-03T00:00:00Z,2024-05-02T00:00:00Z,4,",
            "C-002,2024-05-01T12:00:00Z,2024-05-01T00:00:00Z,6,",
            "C-002,2024-05-03T00:00:00Z,2024-05-02T00:00:00Z,5,",
            "C-003,2024-05-01T12:00:00Z,,,",
            "C-003,2024-05-02T12:00:00Z,,,",
            "C-003,2024-05-04T00:00:00Z,2024-05-03T00:00:00Z,8,",
            "C-003,later,,,",
        ], lines.Skip(1));
    }
}
