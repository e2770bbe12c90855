using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Writes one <see cref="InstanceCommit"/> inside the caller's transaction. Any check that fails throws
/// <see cref="ConcurrencyConflictException"/> before the transaction commits, so nothing of the commit is written.
/// </summary>
internal static class InstanceCommitWriter
{
    public static async Task<long> WriteAsync(SqlDatabase database, DbConnection connection, DbTransaction transaction, PreparedCommit prepared, CancellationToken cancellationToken)
    {
        var commit = prepared.Commit;
        var instance = commit.Instance;

        // The work item first: its fate decides whether the bookmarks written below may include a re-created one.
        if (commit.Work is { } work)
        {
            await ApplyWorkAsync(connection, transaction, work, cancellationToken);
        }

        var written = commit.IsNew
            ? await InstanceRows.InsertAsync(connection, transaction, instance, cancellationToken)
            : await InstanceRows.UpdateAsync(connection, transaction, instance, database.UpdatesEveryNamedIndex, cancellationToken);
        if (!written)
        {
            throw InstanceNotWritten(commit);
        }

        if (!prepared.KeepsBookmarks)
        {
            await BookmarkRows.ReplaceAsync(connection, transaction, instance.InstanceId, commit.Bookmarks, cancellationToken);
        }

        await JournalRows.AppendAsync(database, connection, transaction, prepared.Journal, cancellationToken);
        await IncidentRows.InsertAsync(connection, transaction, commit.Incidents, cancellationToken);
        foreach (var item in commit.Enqueue)
        {
            await WorkItemRows.InsertAsync(connection, transaction, item, openBatch: false, cancellationToken);
        }

        return RevisionAfter(commit);
    }

    /// <summary>The work item's change: deleted when done, marked applied otherwise; no row unless the node holds its lease.</summary>
    public static string ItemSql(WorkItemProgress work) => work.Done
        ? "DELETE FROM work_items WHERE id = @id AND lease_owner = @node"
        : "UPDATE work_items SET applied = 1 WHERE id = @id AND lease_owner = @node";

    /// <summary>The instance's lease guard: released when the item is done, touched otherwise; no row unless the node holds it.</summary>
    public static string LeaseGuardSql(WorkItemProgress work) => work.Done
        ? "DELETE FROM instance_leases WHERE item_id = @id AND owner = @node"
        : "UPDATE instance_leases SET owner = owner WHERE item_id = @id AND owner = @node";

    /// <summary>The revision the instance is at once <paramref name="commit"/> is written.</summary>
    public static long RevisionAfter(InstanceCommit commit) => commit.IsNew ? 1 : commit.Instance.Revision + 1;

    public static ConcurrencyConflictException LeaseLost(WorkItemProgress work) =>
        new($"Node '{work.NodeId}' no longer holds the lease of work item '{work.ItemId}'.");

    /// <summary>The instance row was not written: a new one exists already, or another commit moved its revision on.</summary>
    public static ConcurrencyConflictException InstanceNotWritten(InstanceCommit commit) => new(commit.IsNew
        ? $"Instance '{commit.Instance.InstanceId}' already exists."
        : $"Instance '{commit.Instance.InstanceId}' is no longer at revision {commit.Instance.Revision}.");

    private static async Task ApplyWorkAsync(DbConnection connection, DbTransaction transaction, WorkItemProgress work, CancellationToken cancellationToken)
    {
        // Item row first, then the instance's lease guard: the order a claim locks them in, so the two never deadlock.
        var itemChanged = await connection.Command(ItemSql(work), transaction).With("@id", work.ItemId).With("@node", work.NodeId).RunAsync(cancellationToken);
        var guardChanged = await connection.Command(LeaseGuardSql(work), transaction).With("@id", work.ItemId).With("@node", work.NodeId).RunAsync(cancellationToken);
        if (itemChanged != 1 || guardChanged != 1)
        {
            throw LeaseLost(work);
        }
    }
}
