using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// The leased work queue. A claim locks candidate items (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite: the
/// <c>BEGIN IMMEDIATE</c> write lock) and then takes each item's instance guard in <c>instance_leases</c>, whose
/// primary key is the instance id: two nodes claiming different items of one instance serialize on that row and the
/// second finds it live, so at most one live lease exists per instance however the claims interleave.
/// </summary>
internal sealed class SqlWorkQueue(SqlDatabase database) : IWorkQueue
{
    public async Task<bool> EnqueueAsync(IReadOnlyList<WorkItemRecord> items, DeduplicationRecord? deduplication, CancellationToken cancellationToken) =>
        await EnqueueCoreAsync(items, deduplication, stamp: null, cancellationToken) is true;

    public Task<bool?> EnqueueAtStampAsync(IReadOnlyList<WorkItemRecord> items, DeduplicationRecord? deduplication, long stamp, CancellationToken cancellationToken) =>
        EnqueueCoreAsync(items, deduplication, stamp, cancellationToken);

    /// <summary>
    /// Records the key (false when it is already recorded) and inserts the items; with a <paramref name="stamp"/> the
    /// first insert also checks the trigger stamp, and null when it moved (nothing written, not even the key).
    /// </summary>
    private async Task<bool?> EnqueueCoreAsync(IReadOnlyList<WorkItemRecord> items, DeduplicationRecord? deduplication, long? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        try
        {
            return await database.WriteAsync<bool?>(
                async (connection, transaction) =>
                {
                    if (deduplication is not null && !await WorkItemRows.TryRecordKeyAsync(connection, transaction, deduplication, database.Clock.GetUtcNow(), cancellationToken))
                    {
                        return false;
                    }

                    // The stamp is checked by the first insert itself, so an unmoved stamp costs no statement of its own.
                    for (var i = 0; i < items.Count; i++)
                    {
                        var checksStamp = i == 0 && stamp is not null;
                        var command = connection.Command(checksStamp ? WorkItemRows.InsertAtStampSql : WorkItemRows.InsertSql, transaction);
                        WorkItemRows.BindValues(items[i], openBatch: false, (name, value) => command.With(name, value));
                        if (checksStamp)
                        {
                            command.With("@stamp", stamp);
                        }

                        if (await command.RunAsync(cancellationToken) == 0 && checksStamp)
                        {
                            throw new StampMovedException();
                        }
                    }

                    return true;
                },
                cancellationToken);
        }
        catch (StampMovedException)
        {
            // Thrown out of the transaction so that it rolls back, taking a recorded deduplication key with it.
            return null;
        }
    }

    public Task<string?> AppendToBatchAsync(WorkItemRecord template, string eventJson, DateTimeOffset dueAt, BatchDue due, DeduplicationRecord? deduplication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var batchKey = template.BatchKey ?? throw new ArgumentException("A batch template needs a BatchKey.", nameof(template));
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                if (deduplication is not null && !await WorkItemRows.TryRecordKeyAsync(connection, transaction, deduplication, database.Clock.GetUtcNow(), cancellationToken))
                {
                    return null;
                }

                // Appenders of one batch key queue here; a claim closes the batch (batch_open = 0) under the item's row lock.
                await database.LockAsync(transaction, "batch:" + batchKey, cancellationToken);
                var open = await connection.Command($"SELECT id, payload_json FROM work_items WHERE batch_key = @key AND batch_open = 1{database.ForUpdate}", transaction)
                    .With("@key", batchKey).ListAsync(r => (Id: r.GetString(0), Payload: r.TextOrNull(1)), cancellationToken);
                if (open.Count == 0)
                {
                    var created = template with { PayloadJson = BatchPayload.Append(null, eventJson), DueAt = dueAt, LeaseOwner = null, LeaseExpiresAt = null, Attempts = 0 };
                    await WorkItemRows.InsertAsync(connection, transaction, created, openBatch: true, cancellationToken);
                    return created.Id;
                }

                var (id, payload) = open[0];
                var sql = due == BatchDue.Debounce
                    ? "UPDATE work_items SET payload_json = @payload, due_at = @due WHERE id = @id"
                    : "UPDATE work_items SET payload_json = @payload WHERE id = @id";
                var update = connection.Command(sql, transaction).With("@payload", BatchPayload.Append(payload, eventJson)).With("@id", id);
                if (due == BatchDue.Debounce)
                {
                    update.With("@due", dueAt);
                }

                await update.RunAsync(cancellationToken);
                return id;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<WorkItemRecord>> ClaimAsync(string nodeId, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);

        // Two claimers can hold items of the same two instances in opposite due order and meet on their lease rows;
        // the database then rolls one back, which simply claims again.
        return database.WriteRetryingDeadlocksAsync<IReadOnlyList<WorkItemRecord>>(
            async (connection, transaction) =>
            {
                // Over-fetch: candidates of an instance that turns out to be leased are skipped, not claimed. The
                // trigger stamp comes along, so the claiming node learns whether its cached definitions are current
                // without a read of its own.
                var candidates = await connection.Command(
                    $"""
                    SELECT w.id, w.instance_id, w.kind, (SELECT t.stamp FROM trigger_stamp t WHERE t.id = 1) FROM work_items w
                    WHERE w.due_at <= @now AND (w.lease_owner IS NULL OR w.lease_expires_at <= @now)
                      AND NOT EXISTS (SELECT 1 FROM instance_leases l WHERE l.instance_id = w.instance_id AND l.expires_at > @now AND l.item_id <> w.id)
                    ORDER BY w.due_at, w.id
                    LIMIT @limit{database.SkipLocked}
                    """,
                    transaction)
                    .With("@now", now).With("@limit", max * 4)
                    .ListAsync(r => (Id: r.GetString(0), Instance: r.GetString(1), Kind: (WorkKind)r.GetInt32(2), Stamp: r.IsDBNull(3) ? (long?)null : r.Long(3)), cancellationToken);

                // Nothing can apply to an instance before its start: when a start is due, its instance's other due
                // items (a cancel accepted meanwhile) wait for it instead of being claimed first by the id order.
                var starting = candidates.Where(c => c.Kind == WorkKind.Start).Select(c => c.Instance).ToHashSet(StringComparer.Ordinal);
                var expires = now + lease;
                var claimed = new List<WorkItemRecord>();
                foreach (var (id, instance, kind, stamp) in candidates)
                {
                    if (claimed.Count == max)
                    {
                        break;
                    }

                    if (kind != WorkKind.Start && starting.Contains(instance))
                    {
                        continue;
                    }

                    var guarded = await connection.Command(
                        """
                        INSERT INTO instance_leases (instance_id, item_id, owner, expires_at) VALUES (@instance, @id, @node, @expires)
                        ON CONFLICT (instance_id) DO UPDATE SET item_id = excluded.item_id, owner = excluded.owner, expires_at = excluded.expires_at
                        WHERE instance_leases.expires_at <= @now OR instance_leases.item_id = excluded.item_id
                        """,
                        transaction)
                        .With("@instance", instance).With("@id", id).With("@node", nodeId).With("@expires", expires).With("@now", now)
                        .RunAsync(cancellationToken);
                    if (guarded != 1)
                    {
                        continue;
                    }

                    var item = await connection.Command(
                        $"""
                        UPDATE work_items SET lease_owner = @node, lease_expires_at = @expires, attempts = attempts + 1, batch_open = 0
                        WHERE id = @id
                        RETURNING {WorkItemRows.Columns},
                          CASE WHEN EXISTS (SELECT 1 FROM work_items c WHERE c.instance_id = work_items.instance_id AND c.kind = @cancel AND c.id <> work_items.id) THEN 1 ELSE 0 END
                        """,
                        transaction)
                        .With("@node", nodeId).With("@expires", expires).With("@id", id).With("@cancel", WorkKind.Cancel)
                        .FirstAsync(WorkItemRows.MapClaimed, cancellationToken);
                    claimed.Add(item! with { TriggerStamp = stamp });
                }

                return claimed;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> RenewAsync(string nodeId, IReadOnlyList<string> itemIds, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        return database.WriteAsync<IReadOnlyList<string>>(
            async (connection, transaction) =>
            {
                var held = new List<string>();
                var expires = now + lease;
                foreach (var id in itemIds)
                {
                    // Item row first, then the guard (the claim's lock order). A lapsed lease is renewed only while no
                    // other item of the instance has taken the guard; otherwise the item is let go.
                    var item = await connection.Command("UPDATE work_items SET lease_expires_at = @expires WHERE id = @id AND lease_owner = @node", transaction)
                        .With("@expires", expires).With("@id", id).With("@node", nodeId).RunAsync(cancellationToken);
                    if (item != 1)
                    {
                        continue;
                    }

                    var guard = await connection.Command("UPDATE instance_leases SET expires_at = @expires WHERE item_id = @id AND owner = @node", transaction)
                        .With("@expires", expires).With("@id", id).With("@node", nodeId).RunAsync(cancellationToken);
                    if (guard == 1)
                    {
                        held.Add(id);
                    }
                    else
                    {
                        await connection.Command("UPDATE work_items SET lease_owner = NULL, lease_expires_at = NULL WHERE id = @id", transaction)
                            .With("@id", id).RunAsync(cancellationToken);
                    }
                }

                return held;
            },
            cancellationToken);
    }

    public Task ReleaseAsync(string itemId, string nodeId, DateTimeOffset retryAt, string? error, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                var released = await connection.Command(
                    "UPDATE work_items SET lease_owner = NULL, lease_expires_at = NULL, due_at = @retry, last_error = @error WHERE id = @id AND lease_owner = @node",
                    transaction)
                    .With("@retry", retryAt).With("@error", error).With("@id", itemId).With("@node", nodeId).RunAsync(cancellationToken);
                await DropGuardAsync(connection, transaction, itemId, nodeId, cancellationToken);
                return released;
            },
            cancellationToken);

    public Task<bool> DeleteAsync(string itemId, string nodeId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                var deleted = await connection.Command("DELETE FROM work_items WHERE id = @id AND lease_owner = @node", transaction)
                    .With("@id", itemId).With("@node", nodeId).RunAsync(cancellationToken);
                await DropGuardAsync(connection, transaction, itemId, nodeId, cancellationToken);
                return deleted == 1;
            },
            cancellationToken);

    public Task<IReadOnlyList<WorkItemRecord>> ListForInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<WorkItemRecord>>(
            async connection => await connection.Command($"SELECT {WorkItemRows.Columns} FROM work_items WHERE instance_id = @id ORDER BY due_at, id")
                .With("@id", instanceId).ListAsync(WorkItemRows.Map, cancellationToken),
            cancellationToken);

    public Task<(long Due, long Total)> CountAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => (await connection.Command("SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_at <= @now THEN 1 ELSE 0 END), 0) FROM work_items")
                .With("@now", now).ListAsync(r => (Due: r.Long(1), Total: r.Long(0)), cancellationToken))[0],
            cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                // A leased item becomes claimable when its lease lapses, an unleased one when it is due.
                var value = await connection.Command(
                    "SELECT MIN(CASE WHEN lease_owner IS NULL OR lease_expires_at < due_at THEN due_at ELSE lease_expires_at END) FROM work_items")
                    .ScalarAsync(cancellationToken);
                return value is null ? (DateTimeOffset?)null : new DateTimeOffset(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
            },
            cancellationToken);

    public Task<int> PurgeDeduplicationAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) => connection.Command("DELETE FROM deduplication WHERE expires_at <= @now", transaction).With("@now", now).RunAsync(cancellationToken),
            cancellationToken);

    private sealed class StampMovedException : Exception;

    private static Task<int> DropGuardAsync(DbConnection connection, DbTransaction transaction, string itemId, string nodeId, CancellationToken cancellationToken) =>
        connection.Command("DELETE FROM instance_leases WHERE item_id = @id AND owner = @node", transaction)
            .With("@id", itemId).With("@node", nodeId).RunAsync(cancellationToken);
}
