using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Group commit: the instance commits a node makes while a transaction is being written are collected and written
/// together in the next one. Each commit keeps its own guards (revision, lease); when one of them rejects a commit the
/// group is written again with each commit under its own savepoint, so a rejected commit is rolled back alone and
/// fails only its caller. Every caller returns only after the transaction holding its commit is committed, so what a
/// caller sees as committed is exactly as durable as a commit of its own. A lone commit is written at once in its own
/// transaction (nothing waits for company). When a group's transaction itself fails (an outage, a deadlock between
/// nodes) its commits are written again one by one.
/// </summary>
internal sealed class GroupCommitter(SqlDatabase database)
{
    private readonly object _gate = new();
    private readonly List<Pending> _queue = [];
    private bool _flushing;

    /// <summary>
    /// Commits one instance: through the queue where groups are allowed; where every commit is alone
    /// (<see cref="SqlDatabase.MaxGroupCommit"/> 1) straight away, so concurrent commits still run side by side.
    /// </summary>
    public Task<long> CommitAsync(InstanceCommit commit) =>
        database.MaxGroupCommit <= 1 ? WriteAsync(new PreparedCommit(commit)) : CommitAllAsync([commit])[0];

    /// <summary>Queues <paramref name="commits"/> together, so they share a transaction when the group size allows.</summary>
    public Task<long>[] CommitAllAsync(IReadOnlyList<InstanceCommit> commits)
    {
        // Prepared here, on the callers' threads: the writer below handles one group at a time.
        var pending = commits.Select(c => new Pending(new PreparedCommit(c))).ToList();
        bool lead;
        lock (_gate)
        {
            _queue.AddRange(pending);
            lead = !_flushing;
            _flushing = true;
        }

        if (lead)
        {
            // The first caller writes for everyone queued behind it; the others just wait for their outcome.
            _ = Task.Run(FlushLoopAsync);
        }

        return pending.Select(p => p.Outcome.Task).ToArray();
    }

    private async Task FlushLoopAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                var take = Math.Min(_queue.Count, database.MaxGroupCommit);
                group = _queue.GetRange(0, take);
                _queue.RemoveRange(0, take);
            }

            await FlushAsync(group);
        }
    }

    private async Task FlushAsync(List<Pending> group)
    {
        if (group.Count == 1)
        {
            await WriteAloneAsync(group[0]);
            return;
        }

        // Work items in id order: a lease renewal locks them in the same order, so the two never deadlock.
        group.Sort(static (a, b) => string.CompareOrdinal(a.Prepared.Commit.Work?.ItemId, b.Prepared.Commit.Work?.ItemId));
        (long Revision, Exception? Error)[] results;
        try
        {
            try
            {
                // Rejected commits are rare (a lapsed lease, a stale revision): a group is first written without a
                // savepoint per commit, two statements fewer each. A rejection rolls the whole transaction back, and
                // the group is written again with savepoints so that only the rejected commit fails.
                results = await WriteGroupAsync(group, savepoints: false);
            }
            catch (ConcurrencyConflictException)
            {
                results = await WriteGroupAsync(group, savepoints: true);
            }
        }
#pragma warning disable CA1031 // Whatever failed the shared transaction, each commit is tried again alone and fails on its own.
        catch (Exception)
#pragma warning restore CA1031
        {
            foreach (var pending in group)
            {
                await WriteAloneAsync(pending);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                group[i].Outcome.TrySetException(error);
            }
            else
            {
                group[i].Outcome.TrySetResult(results[i].Revision);
            }
        }
    }

    private async Task<(long Revision, Exception? Error)[]> WriteGroupAsync(List<Pending> group, bool savepoints)
    {
        var results = new (long Revision, Exception? Error)[group.Count];
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                for (var i = 0; i < group.Count; i++)
                {
                    results[i] = savepoints
                        ? await WriteUnderSavepointAsync(connection, transaction, group[i].Prepared)
                        : (await InstanceCommitWriter.WriteAsync(database, connection, transaction, group[i].Prepared, CancellationToken.None), null);
                }

                return true;
            },
            CancellationToken.None);
        return results;
    }

    private async Task<(long Revision, Exception? Error)> WriteUnderSavepointAsync(DbConnection connection, DbTransaction transaction, PreparedCommit commit)
    {
        await connection.Command("SAVEPOINT instance_commit", transaction).RunAsync(CancellationToken.None);
        try
        {
            var revision = await InstanceCommitWriter.WriteAsync(database, connection, transaction, commit, CancellationToken.None);
            await connection.Command("RELEASE SAVEPOINT instance_commit", transaction).RunAsync(CancellationToken.None);
            return (revision, null);
        }
        catch (ConcurrencyConflictException conflict)
        {
            await connection.Command("ROLLBACK TO SAVEPOINT instance_commit", transaction).RunAsync(CancellationToken.None);
            await connection.Command("RELEASE SAVEPOINT instance_commit", transaction).RunAsync(CancellationToken.None);
            return (0, conflict);
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            pending.Outcome.TrySetResult(await WriteAsync(pending.Prepared));
        }
#pragma warning disable CA1031 // The caller gets the failure of its own commit, whatever it is.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            pending.Outcome.TrySetException(ex);
        }
    }

    private async Task<long> WriteAsync(PreparedCommit commit)
    {
        try
        {
            return await database.WriteAsync(
                (connection, transaction) =>
                    database.WriteCommitBatchAsync(connection, transaction, commit, CancellationToken.None)
                    ?? InstanceCommitWriter.WriteAsync(database, connection, transaction, commit, CancellationToken.None),
                CancellationToken.None);
        }
        catch (CommitBatchRejectedException)
        {
            return await database.WriteAsync(
                (connection, transaction) => InstanceCommitWriter.WriteAsync(database, connection, transaction, commit, CancellationToken.None),
                CancellationToken.None);
        }
    }

    private sealed class Pending(PreparedCommit commit)
    {
        public PreparedCommit Prepared { get; } = commit;

        public TaskCompletionSource<long> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
