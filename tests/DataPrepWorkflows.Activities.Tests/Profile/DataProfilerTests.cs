using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Profile;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.Profile;

/// <summary>Profile statistics against values worked out by hand on small datasets.</summary>
public sealed class DataProfilerTests : IDisposable
{
    private readonly DuckDbSession _session = DuckDbSession.Open();

    public void Dispose() => _session.Dispose();

    private async Task<JsonObject> ProfileAsync(string select, JsonObject? configuration = null)
    {
        var profile = await DataProfiler.ProfileAsync(_session, _session.Sql(select), ProfileConfiguration.Parse(configuration));
        return profile.Json;
    }

    private static JsonObject Column(JsonObject profile, string name) =>
        (JsonObject)profile["columns"]!.AsArray().First(c => c!["name"]!.GetValue<string>() == name)!;

    private static double D(JsonNode? node) => node!.GetValue<double>();

    private const string Numbers = "SELECT * FROM (VALUES (1), (2), (2), (3), (NULL), (0), (6)) t(x)";

    [Fact]
    public async Task NumericColumn_MomentsAndCounts_MatchHandComputedValues()
    {
        // Values 1,2,2,3,0,6 (n=6) and one NULL: mean 14/6, sample variance 22.3333/5.
        var x = Column(await ProfileAsync(Numbers), "x");
        var mean = 14.0 / 6;
        double[] values = [1, 2, 2, 3, 0, 6];
        var m2 = values.Sum(v => Math.Pow(v - mean, 2));
        var variance = m2 / 5;
        Assert.Equal(1, x["missingValuesCount"]!.GetValue<long>());
        Assert.Equal(5, x["distinctValuesCount"]!.GetValue<long>());
        Assert.Equal(4, x["uniqueValuesCount"]!.GetValue<long>());
        Assert.Equal(0, D(x["min"]));
        Assert.Equal(6, D(x["max"]));
        Assert.Equal(6, D(x["range"]));
        Assert.Equal(14, D(x["sum"]));
        Assert.Equal(mean, D(x["mean"]), 12);
        Assert.Equal(variance, D(x["variance"]), 12);
        Assert.Equal(Math.Sqrt(variance), D(x["standardDeviation"]), 12);
        Assert.Equal(2, D(x["median"]));
        Assert.Equal(2, D(x["mode"]));
        Assert.Equal(1, x["zerosCount"]!.GetValue<long>());

        // Adjusted Fisher-Pearson skewness and bias-corrected excess kurtosis, as pandas computes them.
        const int n = 6;
        var m3 = values.Sum(v => Math.Pow(v - mean, 3)) / n;
        var m4 = values.Sum(v => Math.Pow(v - mean, 4)) / n;
        var m2n = m2 / n;
        var skew = Math.Sqrt(n * (n - 1.0)) / (n - 2) * (m3 / Math.Pow(m2n, 1.5));
        var kurt = (n - 1.0) / ((n - 2.0) * (n - 3.0)) * (((n + 1.0) * (m4 / (m2n * m2n))) - (3.0 * (n - 1)));
        Assert.Equal(skew, D(x["skewness"]), 10);
        Assert.Equal(kurt, D(x["kurtosis"]), 10);

        // Linear interpolation on sorted 0,1,2,2,3,6: p25 at rank 1.25 → 1.25, p75 at rank 3.75 → 2.75.
        Assert.Equal(1.25, D(x["percentile25"]), 12);
        Assert.Equal(2.75, D(x["percentile75"]), 12);
        Assert.Equal(1.5, D(x["interquartileRange"]), 12);
        Assert.Equal(1, D(x["medianAbsoluteDeviation"]), 12);
        Assert.Equal([0.0, 1, 2, 2, 3], x["minimumValues"]!.AsArray().Select(D));
        Assert.Equal([6.0, 3, 2, 2, 1], x["maximumValues"]!.AsArray().Select(D));
        var common = x["mostCommonValues"]!.AsArray();
        Assert.Equal((2.0, 2L), (D(common[0]!["value"]), common[0]!["count"]!.GetValue<long>()));
        Assert.Equal(0.0, D(common[1]!["value"]));
        var entropy = -((2.0 / 6 * Math.Log2(2.0 / 6)) + (4 * (1.0 / 6) * Math.Log2(1.0 / 6)));
        Assert.Equal(entropy, D(x["entropy"]), 12);
    }

    [Fact]
    public async Task NumericColumn_HistogramAndOutliers_CountEveryValueOnce()
    {
        var configuration = JsonNode.Parse("""
            { "ColumnStatisticsConfigurations": [ { "Statistics": { "Overrides": [
                { "Statistic": "VALUE_DISTRIBUTION", "Parameters": { "binNumber": "3" } },
                { "Statistic": "OUTLIER_DETECTION", "Parameters": { "threshold": "1.5" } } ] } } ] }
            """)!.AsObject();
        var x = Column(await ProfileAsync(Numbers, configuration), "x");

        // Width 2 over [0, 6]: [0,2) holds 0,1; [2,4) holds 2,2,3; [4,6] holds 6.
        var buckets = x["valueDistribution"]!.AsArray();
        Assert.Equal([2L, 3, 1], buckets.Select(b => b!["count"]!.GetValue<long>()));
        Assert.Equal([4.0, 6.0], buckets[2]!["bucket"]!.AsArray().Select(D));

        // z of 6 is (6 - 2.333) / 2.066 = 1.77 > 1.5; z of 0 is -1.13.
        Assert.Equal(1, x["zScoreOutliersCount"]!.GetValue<long>());
        Assert.Equal([6.0], x["zScoreOutliersSample"]!.AsArray().Select(D));
        Assert.Equal(6, x["zScoreDistribution"]!.AsArray().Sum(b => b!["count"]!.GetValue<long>()));
    }

    [Fact]
    public async Task OutlierSample_TakesTheMostExtremeValuesFromBothEnds_WithRepeats()
    {
        // -100 once, 0 a hundred times, 50 twice: mean 0, s = sqrt(15000 / 102) ≈ 12.1, so z ≈ -8.2 and 4.1.
        var x = Column(await ProfileAsync("SELECT CASE WHEN i = 0 THEN -100 WHEN i <= 2 THEN 50 ELSE 0 END AS x FROM range(103) r(i)"), "x");
        Assert.Equal(3, x["zScoreOutliersCount"]!.GetValue<long>());
        Assert.Equal([-100.0, 50, 50], x["zScoreOutliersSample"]!.AsArray().Select(D));
        Assert.Equal([1L, 0, 0, 0, 100, 0, 0, 2], x["zScoreDistribution"]!.AsArray().Select(b => b!["count"]!.GetValue<long>()));
        Assert.Equal([-100.0, 0, 0, 0, 0], x["minimumValues"]!.AsArray().Select(D));
        Assert.Equal([50.0, 50, 0, 0, 0], x["maximumValues"]!.AsArray().Select(D));
        Assert.Equal([(0.0, 100L), (50, 2), (-100, 1)], x["mostCommonValues"]!.AsArray().Select(v => (D(v!["value"]), v!["count"]!.GetValue<long>())));
    }

    [Fact]
    public async Task AllNullColumn_HasOnlyMissingCounts()
    {
        var v = Column(await ProfileAsync("SELECT * FROM (VALUES (CAST(NULL AS DOUBLE)), (NULL)) t(v)"), "v");
        Assert.Equal(2, v["missingValuesCount"]!.GetValue<long>());
        Assert.Equal(0, v["distinctValuesCount"]!.GetValue<long>());
        Assert.Null(v["mean"]);
        Assert.Null(v["mode"]);
        Assert.Empty(v["mostCommonValues"]!.AsArray());
    }

    [Fact]
    public async Task StringsAndDates_GetFrequenciesAndDateRange()
    {
        var profile = await ProfileAsync("""
            SELECT * FROM (VALUES ('b', DATE '2024-03-01'), ('a', DATE '2024-01-15'), ('b', NULL), (NULL, DATE '2023-12-31'), ('b', DATE '2024-03-01')) t(s, d)
            """);
        var s = Column(profile, "s");
        Assert.Equal("string", s["type"]!.GetValue<string>());
        Assert.Equal((1L, 2L, 1L), (s["missingValuesCount"]!.GetValue<long>(), s["distinctValuesCount"]!.GetValue<long>(), s["uniqueValuesCount"]!.GetValue<long>()));
        Assert.Equal("b", s["mode"]!.GetValue<string>());
        Assert.Equal(3, s["mostCommonValues"]![0]!["count"]!.GetValue<long>());
        Assert.Null(s["mean"]);
        var d = Column(profile, "d");
        Assert.Equal("date", d["type"]!.GetValue<string>());
        Assert.Equal(("2023-12-31", "2024-03-01"), (d["min"]!.GetValue<string>(), d["max"]!.GetValue<string>()));
        Assert.Equal(1, profile["duplicateRowsCount"]!.GetValue<long>());
        Assert.Equal(5, profile["rowCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Correlations_ArePearsonBetweenNumericColumns()
    {
        var profile = await ProfileAsync("SELECT * FROM (VALUES (1, 2.0, 5), (2, 4.0, 3), (3, 6.0, 4)) t(a, b, c)");
        Assert.Equal(1, D(Column(profile, "a")["correlations"]!["b"]), 12);
        Assert.Equal(-0.5, D(Column(profile, "a")["correlations"]!["c"]), 12);
        Assert.Equal(-0.5, D(Column(profile, "c")["correlations"]!["a"]), 12);
    }

    [Fact]
    public async Task Configuration_SelectsColumnsAndStatistics()
    {
        var configuration = JsonNode.Parse("""
            { "ProfileColumns": [ { "Regex": "a.*" } ],
              "DatasetStatisticsConfiguration": { "IncludedStatistics": [ "DUPLICATE_ROWS_COUNT" ] },
              "ColumnStatisticsConfigurations": [ { "Selectors": [ { "Name": "ab" } ], "Statistics": { "IncludedStatistics": [ "MEAN", "MISSING_VALUES_COUNT" ] } } ] }
            """)!.AsObject();
        var profile = await ProfileAsync("SELECT * FROM (VALUES (1, 2, 3), (3, 4, 5)) t(a, ab, xa)", configuration);
        Assert.Equal(["a", "ab"], profile["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var ab = Column(profile, "ab");
        Assert.Equal(["name", "type", "missingValuesCount", "mean"], ab.Select(p => p.Key));
        Assert.Null(Column(profile, "a")["correlations"]);
        Assert.NotNull(Column(profile, "a")["valueDistribution"]);
    }

    [Theory]
    [InlineData("""{ "DatasetStatisticsConfiguration": { "IncludedStatistics": [ "AVERAGE" ] } }""", "IncludedStatistics[0]: unknown statistic 'AVERAGE'")]
    [InlineData("""{ "ProfileColumns": [ { "Regex": "(" } ] }""", "ProfileColumns[0]: Regex '('")]
    [InlineData("""{ "ColumnStatisticsConfigurations": [ { "Statistics": { "Overrides": [ { "Statistic": "VALUE_DISTRIBUTION", "Parameters": { "binNumber": "x" } } ] } } ] }""", "binNumber must be a positive number")]
    public void InvalidConfiguration_NamesTheField(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ProfileConfiguration.Parse(JsonNode.Parse(json)).SettingsFor("a"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
