namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// An <see cref="InstanceCommit"/> with its journal already packed into chunks. Commits are prepared on the caller's
/// thread when they are accepted, so the writer — one at a time on SQLite, where a group's commits are written in
/// turn — spends its time on the database, not on JSON.
/// </summary>
internal sealed class PreparedCommit(InstanceCommit commit)
{
    public InstanceCommit Commit { get; } = commit;

    /// <summary>The commit's journal entries, packed per root (<see cref="JournalRows.Prepare"/>).</summary>
    public IReadOnlyList<JournalRoot> Journal { get; } = JournalRows.Prepare(commit.Journal);

    /// <summary>
    /// Whether the instance's stored bookmark set is known to be empty before and after this commit (a new instance, or
    /// one whose previous commit stored none, and no bookmark now), so there is nothing to replace.
    /// </summary>
    public bool KeepsBookmarks { get; } = commit.Bookmarks.Count == 0 && (commit.IsNew || commit.StoredNoBookmarks);
}
