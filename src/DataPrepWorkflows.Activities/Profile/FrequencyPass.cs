using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Value frequencies, one statement for all columns: each column's values grouped once, giving distinct and unique
/// counts, entropy (bits), the most common values (ties broken by the smaller value) and the mode.
/// </summary>
internal static class FrequencyPass
{
    public static async Task RunAsync(DuckDbSession session, string table, IReadOnlyList<ProfiledColumn> columns, IReadOnlyDictionary<int, JsonObject> json, CancellationToken cancellationToken)
    {
        var needed = columns.Where(c => c.NeedsFrequencies).ToList();
        if (needed.Count == 0)
        {
            return;
        }

        var parts = needed.Select(c =>
        {
            var k = Math.Max(1, c.Settings.Has(ProfileStatistics.MostCommonValues) ? c.Settings.MostCommonValues : 1);
            return string.Create(CultureInfo.InvariantCulture, $"""
                SELECT {c.Index} AS i, count(*)::BIGINT AS d, count_if(c = 1)::BIGINT AS u,
                  CASE WHEN sum(c) > 0 THEN log2(sum(c)) - sum(c * log2(c)) / sum(c) END::DOUBLE AS e,
                  list_slice(list(CAST(v AS VARCHAR) ORDER BY c DESC, v), 1, {k}) AS tv,
                  list_slice(list(c ORDER BY c DESC, v), 1, {k}) AS tc
                FROM (SELECT {c.Sql} AS v, count(*)::BIGINT AS c FROM {table} WHERE {c.Sql} IS NOT NULL GROUP BY {c.Sql})
                """);
        });
        var rows = await session.QueryAsync(string.Join("\nUNION ALL\n", parts), cancellationToken).ConfigureAwait(false);
        var byIndex = needed.ToDictionary(c => c.Index);
        foreach (var row in rows.Rows)
        {
            var column = byIndex[(int)ProfileValues.Long(row[0])];
            var target = json[column.Index];
            var settings = column.Settings;
            if (settings.Has(ProfileStatistics.DistinctValuesCount))
            {
                target["distinctValuesCount"] = ProfileValues.Long(row[1]);
            }

            if (settings.Has(ProfileStatistics.UniqueValuesCount))
            {
                target["uniqueValuesCount"] = ProfileValues.Long(row[2]);
            }

            if (settings.Has(ProfileStatistics.Entropy))
            {
                target["entropy"] = ProfileValues.Json(ProfileValues.Double(row[3]) is { } e ? Math.Max(0, e) : null);
            }

            var values = row[4] as object?[] ?? [];
            var counts = row[5] as object?[] ?? [];
            if (settings.Has(ProfileStatistics.MostCommonValues))
            {
                target["mostCommonValues"] = new JsonArray([.. values.Select((v, n) => (JsonNode)new JsonObject
                {
                    ["value"] = Value(column, v),
                    ["count"] = ProfileValues.Long(counts[n]),
                })]);
            }

            if (settings.Has(ProfileStatistics.Mode))
            {
                target["mode"] = values.Length > 0 ? Value(column, values[0]) : null;
            }
        }
    }

    private static JsonNode? Value(ProfiledColumn column, object? text) =>
        column.Kind == ColumnKind.Numeric ? ProfileValues.Json(ProfileValues.Double(text)) : JsonValue.Create(ProfileValues.Text(text));
}
