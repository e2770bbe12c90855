using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Counts rows that repeat an earlier row, comparing whole rows (<c>SELECT DISTINCT *</c>) only where duplicates can
/// be: among the rows <see cref="DuplicateCandidates"/> leaves (none when some column is unique in every row), or else
/// among rows sharing a 64-bit row hash — a hash shared by several rows is only a candidate, so those rows (found again
/// by row id, without hashing twice) are compared in full and a collision between different rows counts both as distinct.
/// </summary>
internal static class DuplicateRows
{
    public static async Task<long> CountAsync(DuckDbSession session, string table, IEnumerable<string> columns, DuplicateCandidates candidates, CancellationToken cancellationToken)
    {
        string sql;
        if (candidates.Key is { } key)
        {
            if (candidates.Rows == 0)
            {
                return 0;
            }

            sql = string.Create(CultureInfo.InvariantCulture, $"""
                WITH candidates AS MATERIALIZED (SELECT * FROM {table} WHERE {key.Sql} IS NULL OR {key.Sql} IN (SELECT v FROM {DuplicateCandidates.Table}))
                SELECT (SELECT count(*) FROM candidates)::BIGINT - (SELECT count(*) FROM (SELECT DISTINCT * FROM candidates))::BIGINT
                """);
        }
        else
        {
            var hash = "hash(" + string.Join(", ", columns) + ")";
            sql = string.Create(CultureInfo.InvariantCulture, $"""
                WITH hashed AS MATERIALIZED (SELECT rowid AS id, {hash} AS h FROM {table}),
                shared AS MATERIALIZED (SELECT h, count(*) AS c FROM hashed GROUP BY h HAVING count(*) > 1)
                SELECT coalesce((SELECT sum(c) FROM shared), 0)::BIGINT
                  - (SELECT count(*) FROM (SELECT DISTINCT * FROM {table} WHERE rowid IN (SELECT id FROM hashed SEMI JOIN shared USING (h))))::BIGINT
                """);
        }

        var rows = await session.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
        return ProfileValues.Long(rows.Rows[0][0]);
    }
}
