using DataPrepWorkflows.Activities.Features;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.Features;

public sealed class EventTimeSqlTests
{
    [Fact]
    public async Task EventTimestampFast_GivesTheExactParse_ForEdgeValues()
    {
        string[] values =
        [
            "2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123Z", "2024-05-01T24:00:00Z", "2024-05-01T24:00:00.000Z",
            "2024-05-01T23:60:00Z", "2024-05-01T23:59:60Z", "2024-05-01T23:59:59.999Z", "0000-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z",
            "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z",
            "1969-12-31T23:59:59.001Z", "2024-05-01T12:00:00.5Z", "2024-05-01 12:00:00Z", "2024-05-01T12:00:00",
            "2024-05-01T12:00:00+00:00", " 2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z ", "2024-5-01T12:00:00Z",
            "2024-05-01t12:00:00z", "2024-05-01", "not a time", "",
        ];
        var rows = string.Join(", ", values.Select(v => "(" + FeatureSql.Literal(v) + ")"));

        var differing = await DifferingAsync($"SELECT v FROM (VALUES {rows}, (NULL)) t(v)");

        Assert.Empty(differing);
        // A bare cast is not the same parse on these values (it takes hour 24 as the next day): the guard matters.
        Assert.Contains("2024-05-01T24:00:00Z", await DifferingAsync($"SELECT v FROM (VALUES {rows}) t(v)", "try_cast(v AS TIMESTAMP)"));
    }

    [Fact]
    public async Task EventTimestampFast_GivesTheExactParse_AcrossHoursMinutesSecondsAndDates()
    {
        // Every hour 00-29 with minutes and seconds at and past their limits, on ordinary, leap and invalid days, in both shapes.
        const string Generated = """
            SELECT format('{}-{}-{}T{}:{}:{}{}Z', y, m, d, lpad(h::VARCHAR, 2, '0'), n, s, f) AS v
            FROM (VALUES ('2024'), ('2023'), ('1970'), ('0000')) ys(y), (VALUES ('01'), ('02'), ('12')) ms(m), (VALUES ('01'), ('28'), ('29'), ('30'), ('31')) ds(d),
                 range(30) hs(h), (VALUES ('00'), ('59'), ('60')) ns(n), (VALUES ('00'), ('59'), ('60')) ss(s), (VALUES (''), ('.000'), ('.999')) fs(f)
            """;

        var differing = await DifferingAsync(Generated);

        Assert.Empty(differing);
    }

    private static async Task<List<string?>> DifferingAsync(string values, string? candidate = null)
    {
        using var session = DuckDbSession.Open();
        candidate ??= FeatureSql.EventTimestampFast("v", FeatureType.String);
        var rows = await session.QueryAsync($"SELECT v FROM ({values}) WHERE {candidate} IS DISTINCT FROM {FeatureSql.EventTimestamp("v", FeatureType.String)}");
        return rows.Rows.Select(r => r[0] as string).ToList();
    }
}
