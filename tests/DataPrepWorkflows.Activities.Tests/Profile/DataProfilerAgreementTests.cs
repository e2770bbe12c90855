using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Profile;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.Profile;

/// <summary>
/// The profile's statistics, computed from grouped values and chunk sums, against DuckDB's own aggregates over the
/// same generated rows (several thousand, so chunks with and without missing values both occur).
/// </summary>
public sealed class DataProfilerAgreementTests : IDisposable
{
    // x: decimals with repeats and ~1 in 7 missing; y: integers, never missing; z: y with noise, missing in one block.
    private const string Rows = """
        SELECT CASE WHEN i % 7 = 3 THEN NULL ELSE round(sin(i) * 100, 2) END AS x,
               (i * 37) % 101 AS y,
               CASE WHEN i BETWEEN 2100 AND 2300 THEN NULL ELSE ((i * 37) % 101) * 2.5 + (i % 13) END AS z,
               i % 4 AS k
        FROM range(6000) r(i)
        """;

    private readonly DuckDbSession _session = DuckDbSession.Open();

    public void Dispose() => _session.Dispose();

    private static JsonObject Column(JsonObject profile, string name) =>
        (JsonObject)profile["columns"]!.AsArray().First(c => c!["name"]!.GetValue<string>() == name)!;

    private async Task<object?[]> DuckDbAsync(string aggregates) =>
        (await _session.QueryAsync($"SELECT {aggregates} FROM ({Rows})")).Rows[0];

    private static double D(JsonNode? node) => node!.GetValue<double>();

    private static double D(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task OrderStatistics_AreExactlyDuckDbs()
    {
        var x = Column((await DataProfiler.ProfileAsync(_session, _session.Sql(Rows))).Json, "x");
        var expected = await DuckDbAsync(
            "quantile_cont(x, 0.05), quantile_cont(x, 0.25), quantile_cont(x, 0.5), quantile_cont(x, 0.75), quantile_cont(x, 0.95), mad(x), min(x), max(x), count(x), count(DISTINCT x)");
        Assert.Equal(
            [D(expected[0]), D(expected[1]), D(expected[2]), D(expected[3]), D(expected[4]), D(expected[5]), D(expected[6]), D(expected[7])],
            [D(x["percentile5"]), D(x["percentile25"]), D(x["median"]), D(x["percentile75"]), D(x["percentile95"]), D(x["medianAbsoluteDeviation"]), D(x["min"]), D(x["max"])]);
        Assert.Equal(6000 - Convert.ToInt64(expected[8], CultureInfo.InvariantCulture), x["missingValuesCount"]!.GetValue<long>());
        Assert.Equal(Convert.ToInt64(expected[9], CultureInfo.InvariantCulture), x["distinctValuesCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Moments_AgreeWithDuckDb()
    {
        var x = Column((await DataProfiler.ProfileAsync(_session, _session.Sql(Rows))).Json, "x");
        var expected = await DuckDbAsync("avg(x), sum(x), var_samp(x), stddev_samp(x), skewness(x), kurtosis(x)");
        Assert.Equal(D(expected[0]), D(x["mean"]), 10);
        Assert.Equal(D(expected[1]), D(x["sum"]), 8);
        Assert.Equal(D(expected[2]), D(x["variance"]), 8);
        Assert.Equal(D(expected[3]), D(x["standardDeviation"]), 10);
        Assert.Equal(D(expected[4]), D(x["skewness"]), 8);
        Assert.Equal(D(expected[5]), D(x["kurtosis"]), 8);
    }

    [Fact]
    public async Task Correlations_UseTheRowsWhereBothArePresent_InEveryChunk()
    {
        var profile = (await DataProfiler.ProfileAsync(_session, _session.Sql(Rows))).Json;
        var expected = await DuckDbAsync("corr(x, y), corr(x, z), corr(y, z), corr(k, y)");
        Assert.Equal(D(expected[0]), D(Column(profile, "x")["correlations"]!["y"]), 12);
        Assert.Equal(D(expected[1]), D(Column(profile, "z")["correlations"]!["x"]), 12);
        Assert.Equal(D(expected[2]), D(Column(profile, "y")["correlations"]!["z"]), 12);
        Assert.Equal(D(expected[3]), D(Column(profile, "k")["correlations"]!["y"]), 12);
    }

    [Fact]
    public async Task Correlations_WithMissingValues_MatchHandComputedPairwiseValues()
    {
        // Rows where both a and b are present: (1, 2), (3, 7), (4, 8); a constant column correlates with nothing.
        var profile = (await DataProfiler.ProfileAsync(_session, _session.Sql(
            "SELECT * FROM (VALUES (1, 2, 5), (2, NULL, 5), (3, 7, 5), (4, 8, 5), (NULL, 1, 5)) t(a, b, c)"))).Json;
        double[] a = [1, 3, 4];
        double[] b = [2, 7, 8];
        var (ma, mb) = (a.Average(), b.Average());
        var r = a.Zip(b, (p, q) => (p - ma) * (q - mb)).Sum() / Math.Sqrt(a.Sum(p => (p - ma) * (p - ma)) * b.Sum(q => (q - mb) * (q - mb)));
        Assert.Equal(r, D(Column(profile, "a")["correlations"]!["b"]), 12);
        Assert.Null(Column(profile, "a")["correlations"]!["c"]);
        Assert.True(Column(profile, "c")["correlations"]!.AsObject().ContainsKey("b"));
    }

    [Theory]
    [InlineData(null)] // columns grouped: only rows whose value repeats in the most selective column are compared
    [InlineData("""{ "ColumnStatisticsConfigurations": [ { "Statistics": { "IncludedStatistics": [ "MISSING_VALUES_COUNT" ] } } ] }""")] // nothing grouped: row hashes
    public async Task DuplicateRows_CountEveryRepeatOfARow(string? configuration)
    {
        var parsed = ProfileConfiguration.Parse(configuration is null ? null : JsonNode.Parse(configuration));

        // k alone repeats: 6000 rows, 4 distinct; (y, k): all 404 combinations occur; n is always missing.
        var profile = await DataProfiler.ProfileAsync(_session, _session.Sql("SELECT y, k, NULL AS n FROM (" + Rows + ")"), parsed);
        Assert.Equal(6000 - 404, profile.DuplicateRowsCount);
        Assert.Equal(0, (await DataProfiler.ProfileAsync(_session, _session.Sql(Rows), parsed)).DuplicateRowsCount);

        // The most selective column (id) is missing in two equal rows and repeats in two rows that differ elsewhere.
        var mixed = await DataProfiler.ProfileAsync(_session, _session.Sql("""
            SELECT * FROM (VALUES (1, 'a'), (2, 'a'), (3, 'b'), (3, 'c'), (NULL, 'd'), (NULL, 'd'), (NULL, 'e'), (4, 'a'), (4, 'a')) t(id, s)
            """), parsed);
        Assert.Equal(2, mixed.DuplicateRowsCount);
    }

    [Fact]
    public async Task Profile_LeavesTheSessionsInsertionOrderSettingAsItWas()
    {
        await DataProfiler.ProfileAsync(_session, _session.Sql(Rows));
        Assert.Equal(true, (await _session.QueryAsync("SELECT current_setting('preserve_insertion_order')")).Rows[0][0]);
        await _session.ExecuteAsync("SET preserve_insertion_order = false");
        await DataProfiler.ProfileAsync(_session, _session.Sql(Rows));
        Assert.Equal(false, (await _session.QueryAsync("SELECT current_setting('preserve_insertion_order')")).Rows[0][0]);
    }

    [Fact]
    public async Task OnlyMissingCounts_AreCountedWithoutGroupingValues()
    {
        var configuration = JsonNode.Parse("""
            { "DatasetStatisticsConfiguration": { "IncludedStatistics": [ "CORRELATION" ] },
              "ColumnStatisticsConfigurations": [ { "Statistics": { "IncludedStatistics": [ "MISSING_VALUES_COUNT" ] } } ] }
            """)!.AsObject();
        var profile = (await DataProfiler.ProfileAsync(_session, _session.Sql(Rows), ProfileConfiguration.Parse(configuration))).Json;
        var z = Column(profile, "z");
        Assert.Equal(["name", "type", "missingValuesCount", "correlations"], z.Select(p => p.Key));
        Assert.Equal(201, z["missingValuesCount"]!.GetValue<long>());
        var expected = await DuckDbAsync("corr(y, z)");
        Assert.Equal(D(expected[0]), D(z["correlations"]!["y"]), 12);
    }
}
