using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The bookmark columns and their mapping.</summary>
internal static class BookmarkRows
{
    public const string Columns = "bookmark_id, instance_id, workflow_id, activity_id, activity_type, name, stimulus_key, payload_json, resume_at, created_at";

    public static BookmarkRecord Map(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.TextOrNull(6),
        reader.TextOrNull(7),
        reader.TimeOrNull(8),
        reader.Time(9));

    /// <summary>Inserts one pending bookmark unless a resume of it is queued; binds <c>@instance</c>, <c>@resumeKind</c> and <see cref="BindValues"/>.</summary>
    public const string InsertSql = $"""
        INSERT INTO bookmarks ({Columns})
        SELECT @id, @instance, @workflow, @activity, @type, @name, @key, @payload, CAST(@resume AS BIGINT), @created
        WHERE NOT EXISTS (SELECT 1 FROM work_items WHERE bookmark_id = @id AND instance_id = @instance AND kind = @resumeKind)
        ON CONFLICT (bookmark_id) DO NOTHING
        """;

    /// <summary>
    /// Deletes the instance's bookmarks but the <paramref name="kept"/> ones (<c>@instance</c>, <c>@b0</c>…). The text
    /// is fixed per count of kept bookmarks, so each count's statement is compiled once per connection.
    /// </summary>
    public static string DeleteOthersSql(int kept) => kept == 0
        ? "DELETE FROM bookmarks WHERE instance_id = @instance"
        : "DELETE FROM bookmarks WHERE instance_id = @instance AND bookmark_id NOT IN (" + string.Join(", ", Enumerable.Range(0, kept).Select(i => $"@b{i}")) + ")";

    /// <summary>The kept bookmarks' ids under the parameter names of <see cref="DeleteOthersSql"/> (<c>@b0</c>…).</summary>
    public static void BindKept(IReadOnlyList<BookmarkRecord> kept, Action<string, object?> add)
    {
        for (var i = 0; i < kept.Count; i++)
        {
            add($"@b{i}", kept[i].BookmarkId);
        }
    }

    /// <summary>A bookmark's own values under the parameter names of <see cref="InsertSql"/>.</summary>
    public static void BindValues(BookmarkRecord bookmark, Action<string, object?> add)
    {
        add("@id", bookmark.BookmarkId);
        add("@workflow", bookmark.WorkflowId);
        add("@activity", bookmark.ActivityId);
        add("@type", bookmark.ActivityType);
        add("@name", bookmark.Name);
        add("@key", bookmark.Key);
        add("@payload", bookmark.PayloadJson);
        add("@resume", bookmark.ResumeAt);
        add("@created", bookmark.CreatedAt);
    }

    /// <summary>
    /// Makes the instance's pending set exactly <paramref name="bookmarks"/>: deletes the others and inserts the new
    /// ones, leaving unchanged rows alone (so a concurrent resume of one of them is not disturbed). A bookmark that
    /// already has a resume queued is not written back: the commit was built before the resume was accepted.
    /// </summary>
    public static async Task ReplaceAsync(DbConnection connection, DbTransaction transaction, string instanceId, IReadOnlyList<BookmarkRecord> bookmarks, CancellationToken cancellationToken)
    {
        var delete = connection.Command(DeleteOthersSql(bookmarks.Count), transaction).With("@instance", instanceId);
        BindKept(bookmarks, (name, value) => delete.With(name, value));

        await delete.RunAsync(cancellationToken);
        if (bookmarks.Count == 0)
        {
            return;
        }

        await using var insert = connection.Command(InsertSql, transaction);
        insert.With("@id", null).With("@instance", instanceId).With("@workflow", null).With("@activity", null).With("@type", null)
            .With("@name", null).With("@key", null).With("@payload", null).With("@resume", null).With("@created", null)
            .With("@resumeKind", WorkKind.Resume);
        foreach (var b in bookmarks)
        {
            BindValues(b, insert.Set);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
