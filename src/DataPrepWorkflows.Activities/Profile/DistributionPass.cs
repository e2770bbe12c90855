using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// The second numeric scan, which needs the first one's min, max, mean and standard deviation: equal-width value
/// histograms, z-score histograms, z-score outliers and the Pearson correlations between numeric columns — all in one
/// wide aggregate.
/// </summary>
internal static class DistributionPass
{
    public static async Task RunAsync(
        DuckDbSession session,
        string table,
        IReadOnlyList<ProfiledColumn> columns,
        IReadOnlyList<ProfiledColumn> correlated,
        IReadOnlyDictionary<int, JsonObject> json,
        IReadOnlyDictionary<int, NumericMoments> moments,
        CancellationToken cancellationToken)
    {
        var readers = new List<Action<object?[]>>();
        var select = new StringBuilder("SELECT 1");
        var at = 1;
        foreach (var column in columns.Where(c => c.NeedsDistribution && moments[c.Index].Min is not null))
        {
            var m = moments[column.Index];
            var target = json[column.Index];
            var x = column.Number;
            var settings = column.Settings;
            if (settings.Has(ProfileStatistics.ValueDistribution))
            {
                var bins = m.Max > m.Min ? settings.Bins : 1;
                var width = (m.Max!.Value - m.Min!.Value) / bins;
                // DuckDB's least/greatest skip NULLs, so NULLs are kept out explicitly or they would land in a bucket.
                var bucket = bins == 1 ? "0" : $"least(CAST(floor(({x} - {L(m.Min.Value)}) / {L(width)}) AS BIGINT), {bins - 1})";
                bucket = $"CASE WHEN {x} IS NOT NULL THEN {bucket} END";
                select.Append(CultureInfo.InvariantCulture, $", histogram({bucket})");
                var index = at++;
                readers.Add(row => target["valueDistribution"] = Buckets(row[index], bins, b => L(m.Min.Value + (b * width)), b => L(b == bins - 1 ? m.Max.Value : m.Min.Value + ((b + 1) * width))));
            }

            if (m.StandardDeviation is not { } s || s == 0 || m.Mean is not { } mean)
            {
                continue;
            }

            var z = $"(({x} - {L(mean)}) / {L(s)})";
            if (settings.Has(ProfileStatistics.ZScoreDistribution))
            {
                select.Append(CultureInfo.InvariantCulture, $", histogram(CASE WHEN {x} IS NOT NULL THEN greatest(-4, least(3, CAST(floor({z}) AS BIGINT))) END)");
                var index = at++;
                readers.Add(row => target["zScoreDistribution"] = Buckets(row[index], 8, b => b == 0 ? "-inf" : (b - 4).ToString(CultureInfo.InvariantCulture), b => b == 7 ? "inf" : (b - 3).ToString(CultureInfo.InvariantCulture), offset: 4));
            }

            if (settings.Has(ProfileStatistics.OutlierDetection))
            {
                var outlier = $"abs({z}) > {L(settings.OutlierThreshold)}";
                select.Append(CultureInfo.InvariantCulture, $", count_if({outlier})::BIGINT, max_by({x}, abs({z}), {settings.OutlierSample}) FILTER (WHERE {outlier})");
                var index = at;
                at += 2;
                readers.Add(row =>
                {
                    target["zScoreOutliersCount"] = ProfileValues.Long(row[index]);
                    target["zScoreOutliersSample"] = ProfileValues.Doubles(row[index + 1]);
                });
            }
        }

        foreach (var a in correlated)
        {
            foreach (var b in correlated.Where(b => b.Index > a.Index))
            {
                select.Append(CultureInfo.InvariantCulture, $", corr({a.Number}, {b.Number})");
                var index = at++;
                readers.Add(row =>
                {
                    var r = ProfileValues.Json(ProfileValues.Double(row[index]));
                    Correlations(json[a.Index])[b.Name] = r;
                    Correlations(json[b.Index])[a.Name] = r?.DeepClone();
                });
            }
        }

        if (readers.Count == 0)
        {
            return;
        }

        var rows = await session.QueryAsync(select.Append(" FROM ").Append(table).ToString(), cancellationToken).ConfigureAwait(false);
        foreach (var read in readers)
        {
            read(rows.Rows[0]);
        }
    }

    private static JsonObject Correlations(JsonObject column) =>
        column["correlations"] as JsonObject ?? (JsonObject)(column["correlations"] = new JsonObject());

    private static string L(double value) => ProfileValues.Literal(value);

    private static JsonArray Buckets(object? map, int count, Func<int, string> low, Func<int, string> high, int offset = 0)
    {
        var counts = new long[count];
        foreach (var (key, value) in map as IEnumerable<KeyValuePair<object, object?>> ?? [])
        {
            counts[ProfileValues.Long(key) + offset] = ProfileValues.Long(value);
        }

        return [.. counts.Select((c, b) => (JsonNode)new JsonObject
        {
            ["bucket"] = new JsonArray(Bound(low(b)), Bound(high(b))),
            ["count"] = c,
        })];
    }

    private static JsonNode? Bound(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(text);
}
