using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// A run of consecutive journal entries of one instance under one root, written as one row: positions
/// <paramref name="Start"/>+1 … <paramref name="Start"/>+<paramref name="Count"/> of the commit's entries of that root.
/// The entries are packed as <c>[[seq, ticks, event, activityId|null, activityType|null, entryJson], …]</c>; the
/// entry's JSON is a JSON string, so it reads back exactly as written, whatever it holds.
/// </summary>
internal readonly record struct JournalChunk(string InstanceId, int Start, int Count)
{
    // Non-ASCII stays as UTF-8 instead of \uXXXX escapes: smaller rows, and the text is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The runs of consecutive entries of one instance, in order (a commit's entries of one root).</summary>
    public static List<JournalChunk> Split(IReadOnlyList<JournalRecord> entries)
    {
        var chunks = new List<JournalChunk>(1);
        var start = 0;
        for (var i = 1; i <= entries.Count; i++)
        {
            if (i == entries.Count || !string.Equals(entries[i].InstanceId, entries[start].InstanceId, StringComparison.Ordinal))
            {
                chunks.Add(new JournalChunk(entries[start].InstanceId, start, i - start));
                start = i;
            }
        }

        return chunks;
    }

    /// <summary>This chunk's entries of <paramref name="entries"/>, packed.</summary>
    public string Pack(IReadOnlyList<JournalRecord> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(Count * 256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            for (var i = Start; i < Start + Count; i++)
            {
                var entry = entries[i];
                writer.WriteStartArray();
                writer.WriteNumberValue(entry.Sequence);
                writer.WriteNumberValue(entry.Timestamp.UtcTicks);
                writer.WriteStringValue(entry.Event);
                WriteOrNull(writer, entry.ActivityId);
                WriteOrNull(writer, entry.ActivityType);
                writer.WriteStringValue(entry.EntryJson);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Adds the entries of a stored chunk whose position is after <paramref name="afterPosition"/> to
    /// <paramref name="into"/> until it holds <paramref name="limit"/>; returns the position of the last one added
    /// (<paramref name="afterPosition"/> when none was).
    /// </summary>
    public static long Unpack(string packed, string rootInstanceId, string instanceId, long firstPosition, long afterPosition, int limit, List<JournalRecord> into)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(packed));
        Expect(ref reader, JsonTokenType.StartArray);
        var position = firstPosition - 1;
        var last = afterPosition;
        while (into.Count < limit && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            position++;
            if (position <= afterPosition)
            {
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.Number);
            var sequence = reader.GetInt64();
            Expect(ref reader, JsonTokenType.Number);
            var ticks = reader.GetInt64();
            var @event = ReadString(ref reader)!;
            var activityId = ReadString(ref reader);
            var activityType = ReadString(ref reader);
            var entryJson = ReadString(ref reader)!;
            Expect(ref reader, JsonTokenType.EndArray);
            into.Add(new JournalRecord(instanceId, sequence, new DateTimeOffset(ticks, TimeSpan.Zero), @event, activityId, activityType, entryJson, rootInstanceId));
            last = position;
        }

        return last;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw new InvalidDataException($"A journal chunk holds {reader.TokenType} where a string belongs."),
        };
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new InvalidDataException($"A journal chunk holds {reader.TokenType} where {type} belongs.");
        }
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
