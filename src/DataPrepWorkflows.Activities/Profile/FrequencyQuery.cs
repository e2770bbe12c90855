using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>What one grouped statement says about a non-numeric column.</summary>
/// <param name="Present">Non-null values.</param>
/// <param name="Frequencies">Distinct, unique, entropy and most common values.</param>
/// <param name="Min">The smallest value as text (dates and timestamps use it).</param>
/// <param name="Max">The largest value as text.</param>
internal sealed record ColumnFrequencies(long Present, ValueFrequencies Frequencies, string? Min, string? Max);

/// <summary>
/// A non-numeric column's statistics from its groups (see <see cref="ColumnGroups"/>): counts, entropy and min/max in
/// one aggregate, and the most common values through a top-N (a bounded heap, not a sort of every group).
/// </summary>
internal static class FrequencyQuery
{
    public static async Task<ColumnFrequencies> RunAsync(DuckDbSession session, ProfiledColumn column, CancellationToken cancellationToken)
    {
        var kept = ValueFrequencies.Kept(column.Settings);
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            WITH top AS (SELECT v, c FROM {ColumnGroups.Table} ORDER BY c DESC, v LIMIT {kept})
            SELECT coalesce(sum(c), 0)::BIGINT, count(*)::BIGINT, count_if(c = 1)::BIGINT, sum(c * log2(c))::DOUBLE,
              (SELECT list(CAST(v AS VARCHAR) ORDER BY c DESC, v) FROM top), (SELECT list(c ORDER BY c DESC, v) FROM top),
              CAST(min(v) AS VARCHAR), CAST(max(v) AS VARCHAR)
            FROM {ColumnGroups.Table}
            """);
        var rows = await session.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
        var row = rows.Rows[0];
        var present = ProfileValues.Long(row[0]);
        var values = row[4] as object?[] ?? [];
        var counts = row[5] as object?[] ?? [];
        var frequencies = new ValueFrequencies(
            ProfileValues.Long(row[1]),
            ProfileValues.Long(row[2]),
            ValueFrequencies.EntropyOf(present, ProfileValues.Double(row[3]) ?? 0),
            [.. values.Select((v, n) => ((JsonNode?)JsonValue.Create(ProfileValues.Text(v)), ProfileValues.Long(counts[n])))]);
        return new ColumnFrequencies(present, frequencies, ProfileValues.Text(row[6]), ProfileValues.Text(row[7]));
    }
}
