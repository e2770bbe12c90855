using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>A numeric column to correlate, and its mean when it is already known (the sums are taken around it).</summary>
internal sealed record CorrelatedColumn(ProfiledColumn Column, double? Mean);

/// <summary>
/// Pearson correlations between numeric columns, each pair over the rows where both are present (as pandas and
/// DuckDB's <c>corr</c> do), from one scan whose chunks are summed here: a few multiply-adds per pair and row, where
/// DuckDB's <c>corr</c> keeps three running moments per pair. Values are shifted by the column's mean first, so the
/// sums of squares and products do not cancel.
/// </summary>
internal static class CorrelationPass
{
    public static async Task RunAsync(DuckDbSession session, string table, IReadOnlyList<CorrelatedColumn> columns, IReadOnlyDictionary<int, JsonObject> json, CancellationToken cancellationToken)
    {
        if (columns.Count < 2)
        {
            return;
        }

        var sql = "SELECT " + string.Join(", ", columns.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"CAST({c.Column.Sql} AS DOUBLE) - CAST('{ProfileValues.Literal(c.Mean ?? 0)}' AS DOUBLE)"))) + " FROM " + table;
        var sums = await session.RunAsync((connection, token) => Sum(connection, sql, columns.Count, token), cancellationToken).ConfigureAwait(false);
        var pair = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            for (var j = i + 1; j < columns.Count; j++)
            {
                var r = ProfileValues.Json(sums[pair++].Pearson());
                var (a, b) = (columns[i].Column, columns[j].Column);
                Correlations(json[a.Index])[b.Name] = r;
                Correlations(json[b.Index])[a.Name] = r?.DeepClone();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PairSums[] Sum(DuckDbConnection connection, string sql, int width, CancellationToken cancellationToken)
    {
        var pairs = new PairSums[width * (width - 1) / 2];
        var columns = Enumerable.Range(0, width).Select(_ => new ChunkColumn()).ToArray();
        using var result = connection.Query(sql, cancellationToken);
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                for (var c = 0; c < width; c++)
                {
                    columns[c].Load(chunk.GetVector(c), chunk.RowCount);
                }

                var pair = 0;
                for (var i = 0; i < width; i++)
                {
                    for (var j = i + 1; j < width; j++)
                    {
                        pairs[pair++].Add(columns[i], columns[j], chunk.RowCount);
                    }
                }
            }
        }

        return pairs;
    }

    private static JsonObject Correlations(JsonObject column) =>
        column["correlations"] as JsonObject ?? (JsonObject)(column["correlations"] = new JsonObject());
}
