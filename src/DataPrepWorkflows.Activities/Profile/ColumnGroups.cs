using System.Globalization;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// One column's values grouped once into a temporary table <c>(v, c)</c> of distinct values and their counts, which
/// every per-column statistic then reads instead of the rows, and which the duplicate-row count can reuse.
/// </summary>
internal static class ColumnGroups
{
    public const string Table = "dataprep_profile_groups";

    public static Task CreateAsync(DuckDbSession session, string table, ProfiledColumn column, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            string.Create(CultureInfo.InvariantCulture, $"""
                CREATE OR REPLACE TEMP TABLE {Table} AS
                SELECT {column.Sql} AS v, count(*)::BIGINT AS c FROM {table} WHERE {column.Sql} IS NOT NULL GROUP BY {column.Sql}
                """),
            cancellationToken);
}
