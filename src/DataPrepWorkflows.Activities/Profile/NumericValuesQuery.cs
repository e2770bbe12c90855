using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Groups a numeric column by value in DuckDB (one hash aggregate, no sort) and reads the groups as typed spans, so
/// everything order-based is computed once over the distinct values instead of once per statistic over every row.
/// </summary>
internal static class NumericValuesQuery
{
    public static Task<NumericValues> ReadAsync(DuckDbSession session, string table, ProfiledColumn column, CancellationToken cancellationToken)
    {
        // Grouped by the column's own type, so distinct counts are those of the stored values, then widened to DOUBLE.
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT CAST({column.Sql} AS DOUBLE), count(*)::BIGINT FROM {table} WHERE {column.Sql} IS NOT NULL GROUP BY {column.Sql}
            """);
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
