using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Reads a numeric column's groups (see <see cref="ColumnGroups"/>: one hash aggregate, no sort) as typed spans, so
/// everything order-based is computed once over the distinct values instead of once per statistic over every row.
/// </summary>
internal static class NumericValuesQuery
{
    public static Task<NumericValues> ReadAsync(DuckDbSession session, CancellationToken cancellationToken)
    {
        // Grouped by the column's own type, so distinct counts are those of the stored values, then widened to DOUBLE.
        const string sql = $"SELECT CAST(v AS DOUBLE), c FROM {ColumnGroups.Table}";
        return session.RunAsync(
            (connection, token) =>
            {
                using var result = connection.Query(sql, token);
                var values = new List<double>();
                var counts = new List<long>();
                while (result.FetchChunk() is { } chunk)
                {
                    using (chunk)
                    {
                        values.AddRange(chunk.GetVector(0).GetData<double>());
                        counts.AddRange(chunk.GetVector(1).GetData<long>());
                    }
                }

                return new NumericValues([.. values], [.. counts]);
            },
            cancellationToken);
    }
}
