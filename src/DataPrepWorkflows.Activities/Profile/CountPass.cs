using System.Text;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// The row count, and the non-null counts of the columns whose values are not grouped (a grouped column's count is the
/// sum of its group sizes). With nothing but the row count to find, DuckDB answers from the table's metadata.
/// </summary>
internal static class CountPass
{
    public static async Task<(long RowCount, Dictionary<int, long> Present)> RunAsync(DuckDbSession session, string table, IReadOnlyList<ProfiledColumn> columns, CancellationToken cancellationToken)
    {
        var select = new StringBuilder("SELECT count(*)::BIGINT");
        foreach (var column in columns)
        {
            select.Append(", count(").Append(column.Sql).Append(")::BIGINT");
        }

        var row = (await session.QueryAsync(select.Append(" FROM ").Append(table).ToString(), cancellationToken).ConfigureAwait(false)).Rows[0];
        var present = new Dictionary<int, long>();
        for (var i = 0; i < columns.Count; i++)
        {
            present[columns[i].Index] = ProfileValues.Long(row[i + 1]);
        }

        return (ProfileValues.Long(row[0]), present);
    }
}
