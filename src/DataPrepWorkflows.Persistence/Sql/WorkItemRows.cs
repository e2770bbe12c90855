using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The work item columns, their mapping, and the one way items are inserted.</summary>
internal static class WorkItemRows
{
    public const string Columns = "id, kind, instance_id, workflow_id, workflow_version, bookmark_id, payload_json, due_at, created_at, batch_key, applied, attempts, lease_owner, lease_expires_at, last_error";

    public static WorkItemRecord Map(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Kind = (WorkKind)reader.Int(1),
        InstanceId = reader.GetString(2),
        WorkflowId = reader.GetString(3),
        WorkflowVersion = reader.Int(4),
        BookmarkId = reader.TextOrNull(5),
        PayloadJson = reader.TextOrNull(6),
        DueAt = reader.Time(7),
        CreatedAt = reader.Time(8),
        BatchKey = reader.TextOrNull(9),
        Applied = reader.Flag(10),
        Attempts = reader.Int(11),
        LeaseOwner = reader.TextOrNull(12),
        LeaseExpiresAt = reader.TimeOrNull(13),
        LastError = reader.TextOrNull(14),
    };

    /// <summary><see cref="Map"/> for a claim's row: <see cref="Columns"/>, then whether a cancel of the instance is queued.</summary>
    public static WorkItemRecord MapClaimed(DbDataReader reader) => Map(reader) with { CancelQueued = reader.Flag(15) };

    private const string InsertColumns =
        "id, kind, instance_id, workflow_id, workflow_version, bookmark_id, payload_json, due_at, created_at, batch_key, batch_open, applied, attempts, last_error";

    private const string InsertValues =
        "@id, @kind, @instance, @workflow, @version, @bookmark, @payload, @due, @created, @batch, @open, @applied, @attempts, @error";

    /// <summary>Inserts a new item; binds <see cref="BindValues"/>.</summary>
    public const string InsertSql = $"INSERT INTO work_items ({InsertColumns}) VALUES ({InsertValues})";

    /// <summary><see cref="InsertSql"/> that inserts nothing unless the trigger stamp is still <c>@stamp</c>.</summary>
    public const string InsertAtStampSql = $"""
        INSERT INTO work_items ({InsertColumns})
        SELECT {InsertValues}
        WHERE EXISTS (SELECT 1 FROM trigger_stamp WHERE id = 1 AND stamp = @stamp)
        """;

    /// <summary>Inserts a new, unleased item (<paramref name="openBatch"/>: it collects events for its batch key).</summary>
    public static Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, WorkItemRecord item, bool openBatch, CancellationToken cancellationToken)
    {
        var command = connection.Command(InsertSql, transaction);
        BindValues(item, openBatch, (name, value) => command.With(name, value));
        return command.RunAsync(cancellationToken);
    }

    /// <summary>The item's values under the parameter names of <see cref="InsertSql"/>.</summary>
    public static void BindValues(WorkItemRecord item, bool openBatch, Action<string, object?> add)
    {
        add("@id", item.Id);
        add("@kind", item.Kind);
        add("@instance", item.InstanceId);
        add("@workflow", item.WorkflowId);
        add("@version", item.WorkflowVersion);
        add("@bookmark", item.BookmarkId);
        add("@payload", item.PayloadJson);
        add("@due", item.DueAt);
        add("@created", item.CreatedAt);
        add("@batch", item.BatchKey);
        add("@open", openBatch && item.BatchKey is not null);
        add("@applied", item.Applied);
        add("@attempts", item.Attempts);
        add("@error", item.LastError);
    }

    /// <summary>
    /// Records a deduplication key unless it is recorded and not expired; true when this transaction recorded it.
    /// Concurrent callers with one key serialize on its row, so exactly one of them wins.
    /// </summary>
    public static async Task<bool> TryRecordKeyAsync(DbConnection connection, DbTransaction transaction, DeduplicationRecord key, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.Command(
            """
            INSERT INTO deduplication (dedup_key, expires_at) VALUES (@key, @expires)
            ON CONFLICT (dedup_key) DO UPDATE SET expires_at = excluded.expires_at WHERE deduplication.expires_at <= @now
            """,
            transaction)
            .With("@key", key.Key)
            .With("@expires", key.ExpiresAt)
            .With("@now", now)
            .RunAsync(cancellationToken) == 1;
}
