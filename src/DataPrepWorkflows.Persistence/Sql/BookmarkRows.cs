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

    /// <summary>
    /// Makes the instance's pending set exactly <paramref name="bookmarks"/>: deletes the others and inserts the new
    /// ones, leaving unchanged rows alone (so a concurrent resume of one of them is not disturbed). A bookmark that
    /// already has a resume queued is not written back: the commit was built before the resume was accepted.
    /// </summary>
    public static async Task ReplaceAsync(DbConnection connection, DbTransaction transaction, string instanceId, IReadOnlyList<BookmarkRecord> bookmarks, CancellationToken cancellationToken)
    {
        // The text is fixed per count of kept bookmarks, so each count's statement is compiled once per connection.
        var kept = bookmarks.Count == 0
            ? string.Empty
            : " AND bookmark_id NOT IN (" + string.Join(", ", Enumerable.Range(0, bookmarks.Count).Select(i => $"@b{i}")) + ")";
        var delete = connection.Command("DELETE FROM bookmarks WHERE instance_id = @instance" + kept, transaction).With("@instance", instanceId);
        for (var i = 0; i < bookmarks.Count; i++)
        {
            delete.With($"@b{i}", bookmarks[i].BookmarkId);
        }

        await delete.RunAsync(cancellationToken);
        if (bookmarks.Count == 0)
        {
            return;
        }

        await using var insert = connection.Command(
            $"""
            INSERT INTO bookmarks ({Columns})
            SELECT @id, @instance, @workflow, @activity, @type, @name, @key, @payload, CAST(@resume AS BIGINT), @created
            WHERE NOT EXISTS (SELECT 1 FROM work_items WHERE bookmark_id = @id AND instance_id = @instance AND kind = @resumeKind)
            ON CONFLICT (bookmark_id) DO NOTHING
            """,
            transaction);
        insert.With("@id", null).With("@instance", instanceId).With("@workflow", null).With("@activity", null).With("@type", null)
            .With("@name", null).With("@key", null).With("@payload", null).With("@resume", null).With("@created", null)
            .With("@resumeKind", WorkKind.Resume);
        foreach (var b in bookmarks)
        {
            insert.Set("@id", b.BookmarkId);
            insert.Set("@workflow", b.WorkflowId);
            insert.Set("@activity", b.ActivityId);
            insert.Set("@type", b.ActivityType);
            insert.Set("@name", b.Name);
            insert.Set("@key", b.Key);
            insert.Set("@payload", b.PayloadJson);
            insert.Set("@resume", b.ResumeAt);
            insert.Set("@created", b.CreatedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
