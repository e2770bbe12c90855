using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Appends journal entries under per-root positions. The root's head row is bumped first: concurrent commits under one
/// root (a parent and its children) serialize on it, so positions are handed out in commit order and a reader polling
/// with its last position never skips an entry that commits later with a lower number.
/// </summary>
internal static class JournalRows
{
    public const string Columns = "instance_id, seq, recorded_at, event, activity_id, activity_type, entry_json, root_instance_id, position";

    public static JournalRecord Map(DbDataReader reader) => new(
        reader.GetString(0),
        reader.Long(1),
        reader.Time(2),
        reader.GetString(3),
        reader.TextOrNull(4),
        reader.TextOrNull(5),
        reader.GetString(6),
        reader.GetString(7));

    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<JournalRecord> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var insert = connection.Command(
            $"""
            INSERT INTO journal ({Columns})
            VALUES (@instance, @seq, @at, @event, @activity, @type, @json, @root, @position)
            """,
            transaction);
        insert.With("@instance", null).With("@seq", 0L).With("@at", 0L).With("@event", null).With("@activity", null)
            .With("@type", null).With("@json", null).With("@root", null).With("@position", 0L);
        foreach (var root in entries.GroupBy(e => e.RootInstanceId, StringComparer.Ordinal))
        {
            var batch = root.ToList();
            var last = Convert.ToInt64(
                await connection.Command(
                    """
                    INSERT INTO journal_heads (root_instance_id, last_position) VALUES (@root, @count)
                    ON CONFLICT (root_instance_id) DO UPDATE SET last_position = journal_heads.last_position + @count
                    RETURNING last_position
                    """,
                    transaction).With("@root", root.Key).With("@count", (long)batch.Count).ScalarAsync(cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
            var position = last - batch.Count;
            foreach (var entry in batch)
            {
                insert.Set("@instance", entry.InstanceId);
                insert.Set("@seq", entry.Sequence);
                insert.Set("@at", entry.Timestamp);
                insert.Set("@event", entry.Event);
                insert.Set("@activity", entry.ActivityId);
                insert.Set("@type", entry.ActivityType);
                insert.Set("@json", entry.EntryJson);
                insert.Set("@root", entry.RootInstanceId);
                insert.Set("@position", ++position);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
