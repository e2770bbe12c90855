using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Writes one <see cref="InstanceCommit"/> inside the caller's transaction. Any check that fails throws
/// <see cref="ConcurrencyConflictException"/> before the transaction commits, so nothing of the commit is written.
/// </summary>
internal static class InstanceCommitWriter
{
    public static async Task<long> WriteAsync(SqlDatabase database, DbConnection connection, DbTransaction transaction, InstanceCommit commit, CancellationToken cancellationToken)
    {
        var instance = commit.Instance;

        // The work item first: its fate decides whether the bookmarks written below may include a re-created one.
        if (commit.Work is { } work)
        {
            await ApplyWorkAsync(connection, transaction, work, cancellationToken);
        }

        if (commit.IsNew)
        {
            if (!await InstanceRows.InsertAsync(connection, transaction, instance, cancellationToken))
            {
                throw new ConcurrencyConflictException($"Instance '{instance.InstanceId}' already exists.");
            }
        }
        else if (!await InstanceRows.UpdateAsync(connection, transaction, instance, database.UpdatesEveryNamedIndex, cancellationToken))
        {
            throw new ConcurrencyConflictException($"Instance '{instance.InstanceId}' is no longer at revision {instance.Revision}.");
        }

        await BookmarkRows.ReplaceAsync(connection, transaction, instance.InstanceId, commit.Bookmarks, cancellationToken);
        await JournalRows.AppendAsync(database, connection, transaction, commit.Journal, cancellationToken);
        await IncidentRows.InsertAsync(connection, transaction, commit.Incidents, cancellationToken);
        foreach (var item in commit.Enqueue)
        {
            await WorkItemRows.InsertAsync(connection, transaction, item, openBatch: false, cancellationToken);
        }

        return commit.IsNew ? 1 : instance.Revision + 1;
    }

    private static async Task ApplyWorkAsync(DbConnection connection, DbTransaction transaction, WorkItemProgress work, CancellationToken cancellationToken)
    {
        // Item row first, then the instance's lease guard: the order a claim locks them in, so the two never deadlock.
        var guard = work.Done
            ? "DELETE FROM instance_leases WHERE item_id = @id AND owner = @node"
            : "UPDATE instance_leases SET owner = owner WHERE item_id = @id AND owner = @node";
        var item = work.Done
            ? "DELETE FROM work_items WHERE id = @id AND lease_owner = @node"
            : "UPDATE work_items SET applied = 1 WHERE id = @id AND lease_owner = @node";
        var itemChanged = await connection.Command(item, transaction).With("@id", work.ItemId).With("@node", work.NodeId).RunAsync(cancellationToken);
        var guardChanged = await connection.Command(guard, transaction).With("@id", work.ItemId).With("@node", work.NodeId).RunAsync(cancellationToken);
        if (itemChanged != 1 || guardChanged != 1)
        {
            throw new ConcurrencyConflictException($"Node '{work.NodeId}' no longer holds the lease of work item '{work.ItemId}'.");
        }
    }
}
