using DataPrepWorkflows.Activities.Features;

namespace DataPrepWorkflows.Activities.Tests.Features;

/// <summary>
/// The one-pass join (with the exact path for identifiers that have deletes) and the exact path alone must give the
/// same training set; both are forced here on a history full of ties, NULL times, deletes and odd event times.
/// </summary>
public sealed class TrainingSetPathsTests
{
    private static readonly string[] Expected =
    [
        // api_invocation_time, then write_time; a NULL time loses to any value.
        "C-001,2024-05-01T12:00:00Z,2024-05-01T00:00:00Z,2,",
        "C-001,2024-05-02T12:00:00Z,2024-05-02T00:00:00Z,4,",
        "C-001,2024-05-03T12:00:00Z,2024-05-03T00:00:00Z,6,",
        "C-001,2024-04-30T00:00:00Z,,,",
        // A superseded delete keeps the put at its event time; a delete drops everything up to it.
        "C-002,2024-05-01T12:00:00Z,2024-05-01T00:00:00Z,6,",
        "C-002,2024-05-03T00:00:00Z,2024-05-02T00:00:00Z,5,",
        "C-003,2024-05-01T12:00:00Z,,,",
        "C-003,2024-05-04T00:00:00Z,2024-05-03T00:00:00Z,8,",
        // Milliseconds count; hour 24 is not a valid event time (a plain cast would take it as the next day).
        "C-004,2024-05-01T00:00:00.499Z,2024-05-01T00:00:00Z,10,",
        "C-004,2024-05-01T00:00:00.500Z,2024-05-01T00:00:00.500Z,11,",
        "C-004,2024-05-02T00:00:00Z,2024-05-01T00:00:00.500Z,11,",
        // A record written without is_deleted is never used, and the one before it is.
        "C-005,2024-05-03T00:00:00Z,2024-05-01T00:00:00Z,19,",
        "C-006,2024-05-03T00:00:00Z,,,",
        "C-006,not a time,,,",
    ];

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(TrainingSetBuilder.DefaultMaxBaseRowsPerIdentifier)]
    [InlineData(0)]
    public async Task Build_GivesTheSameRowsOnEitherPath(int maxBaseRowsPerIdentifier)
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var group = fixture.CreateCustomers();
        var folder = (await fixture.Store.OfflineFolderAsync(group, CancellationToken.None))!;
        var history = Path.Combine(folder, "year=2024", "month=05", "day=01", "hour=00", "history.parquet");
        var foreign = Path.Combine(folder, "year=2024", "month=05", "day=02", "hour=00", "foreign.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(history)!);
        Directory.CreateDirectory(Path.GetDirectoryName(foreign)!);
        using (var session = fixture.Backends.OpenSession())
        {
            // (identifier, event time, orders_30d, api_invocation_time hour, write_time hour, is_deleted)
            await session.ExecuteAsync(
                "COPY (SELECT c AS customer_id, e AS event_time, o AS orders_30d, CAST(NULL AS DOUBLE) AS avg_spend, "
                + "TIMESTAMP '2024-06-01' + to_hours(w) AS write_time, TIMESTAMP '2024-06-01' + to_hours(a) AS api_invocation_time, d AS is_deleted FROM (VALUES "
                + "('C-001', '2024-05-01T00:00:00Z', 1, 10, 12, false), ('C-001', '2024-05-01T00:00:00Z', 2, 11, 9, false), "
                + "('C-001', '2024-05-02T00:00:00Z', 3, NULL, 20, false), ('C-001', '2024-05-02T00:00:00Z', 4, 5, 1, false), "
                + "('C-001', '2024-05-03T00:00:00Z', 5, 7, NULL, false), ('C-001', '2024-05-03T00:00:00Z', 6, 7, 3, false), "
                + "('C-002', '2024-05-01T00:00:00Z', 6, 1, 1, false), ('C-002', '2024-05-02T00:00:00Z', NULL, 5, 5, true), ('C-002', '2024-05-02T00:00:00Z', 5, 6, 6, false), "
                + "('C-003', '2024-05-01T00:00:00Z', 7, 1, 1, false), ('C-003', '2024-05-02T00:00:00Z', NULL, 2, 2, true), ('C-003', '2024-05-03T00:00:00Z', 8, 3, 3, false), "
                + "('C-004', '2024-05-01T00:00:00Z', 10, 1, 1, false), ('C-004', '2024-05-01T00:00:00.500Z', 11, 1, 1, false), ('C-004', '2024-05-01T24:00:00Z', 12, 1, 1, false), "
                + "('C-005', '2024-05-01T00:00:00Z', 19, 1, 1, false), ('C-006', 'not a time', 30, 1, 1, false)"
                + $") t(c, e, o, a, w, d)) TO '{history}' (FORMAT parquet)");
            await session.ExecuteAsync(
                "COPY (SELECT 'C-005' AS customer_id, '2024-05-02T00:00:00Z' AS event_time, 20 AS orders_30d, "
                + $"TIMESTAMP '2024-06-02' AS write_time, TIMESTAMP '2024-06-02' AS api_invocation_time) TO '{foreign}' (FORMAT parquet)");
        }

        var basePath = fixture.Write("base.csv", "customer_id,event_time\n" + string.Join("\n", Expected.Select(line => string.Join(',', line.Split(',').Take(2)))));
        var output = Path.Combine(fixture.Root, "train.csv");

        var rows = await TrainingSetBuilder.BuildAsync(fixture.Store, new TrainingSetRequest { Base = basePath, Groups = ["customers-fg"], Output = output }, maxBaseRowsPerIdentifier, CancellationToken.None);

        Assert.Equal(Expected.Length, rows);
        Assert.Equal(Expected, (await File.ReadAllLinesAsync(output)).Skip(1));
    }
}
