using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;

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

    /// <summary>
    /// Appends <paramref name="entries"/>. Over a network (PostgreSQL) each root's entries go in as one statement with
    /// one parameter, a JSON array of rows the server unpacks itself: one round trip instead of one per entry. SQLite
    /// has no round trips to save; there one prepared insert is bound and stepped per entry, which measured cheaper
    /// than unpacking JSON.
    /// </summary>
    public static async Task AppendAsync(SqlDatabase database, DbConnection connection, DbTransaction transaction, IReadOnlyList<JournalRecord> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

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
            if (!database.PrefersJsonRows)
            {
                await InsertOneByOneAsync(connection, transaction, batch, last - batch.Count, cancellationToken);
                continue;
            }

            await connection.Command(
                $"""
                INSERT INTO journal ({Columns})
                SELECT r.value ->> 0, CAST(r.value ->> 1 AS BIGINT), CAST(r.value ->> 2 AS BIGINT), r.value ->> 3, r.value ->> 4,
                       r.value ->> 5, r.value ->> 6, r.value ->> 7, CAST(r.value ->> 8 AS BIGINT)
                FROM {database.JsonArrayRows("@rows")}
                """,
                transaction).With("@rows", RowsJson(batch, last - batch.Count)).RunAsync(cancellationToken);
        }
    }

    private static async Task InsertOneByOneAsync(DbConnection connection, DbTransaction transaction, List<JournalRecord> batch, long position, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command(
            $"""
            INSERT INTO journal ({Columns})
            VALUES (@instance, @seq, @at, @event, @activity, @type, @json, @root, @position)
            """,
            transaction);
        insert.With("@instance", null).With("@seq", 0L).With("@at", 0L).With("@event", null).With("@activity", null)
            .With("@type", null).With("@json", null).With("@root", null).With("@position", 0L);
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

    /// <summary><c>[[instance, seq, ticks, event, activity, type, entryJson, root, position], …]</c>, positions after <paramref name="before"/>.</summary>
    public static string RowsJson(List<JournalRecord> batch, long before)
    {
        var buffer = new ArrayBufferWriter<byte>(batch.Count * 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var entry in batch)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(entry.InstanceId);
                writer.WriteNumberValue(entry.Sequence);
                writer.WriteNumberValue(entry.Timestamp.UtcTicks);
                writer.WriteStringValue(entry.Event);
                WriteOrNull(writer, entry.ActivityId);
                WriteOrNull(writer, entry.ActivityType);
                writer.WriteStringValue(entry.EntryJson);
                writer.WriteStringValue(entry.RootInstanceId);
                writer.WriteNumberValue(++before);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteOrNull(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
