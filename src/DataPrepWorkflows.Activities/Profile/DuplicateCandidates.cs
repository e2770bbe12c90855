using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Narrows the duplicate-row search with what grouping the columns already found: two equal rows are equal in every
/// column, so only rows whose value in some column repeats (or is missing) can be duplicates. While the columns are
/// grouped one by one, the column leaving the fewest such rows is kept as the key, with its repeated values in a
/// temporary table.
/// </summary>
internal sealed class DuplicateCandidates
{
    public const string Table = "dataprep_profile_repeated";

    /// <summary>The key column, or null when no column was grouped.</summary>
    public ProfiledColumn? Key { get; private set; }

    /// <summary>Rows whose key value repeats or is missing: the only rows that can be duplicates.</summary>
    public long Rows { get; private set; } = long.MaxValue;

    /// <summary>Called while <see cref="ColumnGroups.Table"/> holds <paramref name="column"/>'s groups.</summary>
    public async Task ConsiderAsync(DuckDbSession session, ProfiledColumn column, long rowCount, long unique, CancellationToken cancellationToken)
    {
        var rows = rowCount - unique;
        if (rows >= Rows)
        {
            return;
        }

        await session.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {Table} AS SELECT v FROM {ColumnGroups.Table} WHERE c > 1", cancellationToken).ConfigureAwait(false);
        (Key, Rows) = (column, rows);
    }
}
