using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Counts rows that repeat an earlier row. Grouping 64-bit row hashes is much cheaper than <c>SELECT DISTINCT *</c>
/// over every column; a hash shared by several rows is only a candidate, so exactly those rows (found again by row id,
/// without hashing twice) are compared in full (a hash collision between different rows then counts both as distinct, as it must).
/// </summary>
internal static class DuplicateRows
{
    public static async Task<long> CountAsync(DuckDbSession session, string table, IEnumerable<string> columns, CancellationToken cancellationToken)
    {
        var hash = "hash(" + string.Join(", ", columns) + ")";
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            WITH hashed AS MATERIALIZED (SELECT rowid AS id, {hash} AS h FROM {table}),
            shared AS MATERIALIZED (SELECT h, count(*) AS c FROM hashed GROUP BY h HAVING count(*) > 1)
            SELECT coalesce((SELECT sum(c) FROM shared), 0)::BIGINT
              - (SELECT count(*) FROM (SELECT DISTINCT * FROM {table} WHERE rowid IN (SELECT id FROM hashed SEMI JOIN shared USING (h))))::BIGINT
            """);
        var rows = await session.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
        return ProfileValues.Long(rows.Rows[0][0]);
    }
}
