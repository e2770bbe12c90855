using DataPrepWorkflows.Persistence.Sql;
using Npgsql;

namespace DataPrepWorkflows.Persistence.PostgreSql;

/// <summary>
/// Writes one <see cref="InstanceCommit"/> as a single <see cref="NpgsqlBatch"/>: the same statements, in the same
/// order, as <see cref="InstanceCommitWriter"/>, sent in one round trip instead of one each. Nothing is read before
/// writing: a journal root's head is bumped and its chunks inserted by one statement, and the guards (work item, lease,
/// revision) are checked afterwards from each statement's own row count. A failed guard throws
/// <see cref="ConcurrencyConflictException"/> inside the caller's transaction, which then rolls back everything the
/// batch wrote.
/// </summary>
internal static class PostgreSqlCommitBatch
{
    public static async Task<long> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PreparedCommit prepared, CancellationToken cancellationToken)
    {
        var commit = prepared.Commit;
        var instance = commit.Instance;
        await using var batch = new NpgsqlBatch(connection, transaction);

        // Same order as the statement-by-statement writer (work item, lease, instance, …): the order claims lock in.
        NpgsqlBatchCommand? item = null;
        NpgsqlBatchCommand? lease = null;
        if (commit.Work is { } work)
        {
            item = Add(batch, InstanceCommitWriter.ItemSql(work)).With("@id", work.ItemId).With("@node", work.NodeId);
            lease = Add(batch, InstanceCommitWriter.LeaseGuardSql(work)).With("@id", work.ItemId).With("@node", work.NodeId);
        }

        var row = Add(batch, commit.IsNew ? InstanceRows.InsertSql : InstanceRows.UpdateSql);
        InstanceRows.BindValues(instance, (name, value) => row.With(name, value));
        if (!commit.IsNew)
        {
            row.With("@revision", instance.Revision);
        }

        if (!prepared.KeepsBookmarks)
        {
            AddBookmarks(batch, instance.InstanceId, commit.Bookmarks);
        }

        foreach (var root in prepared.Journal)
        {
            Add(batch, JournalRows.AppendRootSql).With("@root", root.Root).With("@count", root.Count)
                .With("@lo", root.Lo).With("@hi", root.Hi).With("@instance", root.Instances).With("@entries", root.Entries);
        }

        foreach (var incident in commit.Incidents)
        {
            var command = Add(batch, IncidentRows.InsertSql);
            IncidentRows.BindValues(incident, (name, value) => command.With(name, value));
        }

        foreach (var enqueued in commit.Enqueue)
        {
            var command = Add(batch, WorkItemRows.InsertSql);
            WorkItemRows.BindValues(enqueued, openBatch: false, (name, value) => command.With(name, value));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // A constraint error can be the consequence of a guard that failed earlier in the batch (the statement
            // by statement writer would have stopped there); the caller writes the commit again that way to tell.
            throw new CommitBatchRejectedException(e);
        }

        if (item is not null && (item.RecordsAffected != 1 || lease!.RecordsAffected != 1))
        {
            throw InstanceCommitWriter.LeaseLost(commit.Work!);
        }

        if (row.RecordsAffected != 1)
        {
            throw InstanceCommitWriter.InstanceNotWritten(commit);
        }

        return InstanceCommitWriter.RevisionAfter(commit);
    }

    /// <summary>The pending set replaced as <see cref="BookmarkRows.ReplaceAsync"/> does, one batch command per row.</summary>
    private static void AddBookmarks(NpgsqlBatch batch, string instanceId, IReadOnlyList<BookmarkRecord> bookmarks)
    {
        var delete = Add(batch, BookmarkRows.DeleteOthersSql(bookmarks.Count)).With("@instance", instanceId);
        BookmarkRows.BindKept(bookmarks, (name, value) => delete.With(name, value));

        foreach (var bookmark in bookmarks)
        {
            var insert = Add(batch, BookmarkRows.InsertSql).With("@instance", instanceId).With("@resumeKind", WorkKind.Resume);
            BookmarkRows.BindValues(bookmark, (name, value) => insert.With(name, value));
        }
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        batch.BatchCommands.Add(command);
        return command;
    }

    private static NpgsqlBatchCommand With(this NpgsqlBatchCommand command, string name, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, SqlCommands.ToDb(value)));
        return command;
    }
}
