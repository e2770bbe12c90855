using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Appends journal entries under per-root positions, as chunks (<see cref="JournalChunk"/>): one row per run of
/// consecutive entries of one instance, so a commit writes about one row per root instead of three per activity. The
/// root's head row is bumped first: concurrent commits under one root (a parent and its children) serialize on it, so
/// positions are handed out in commit order and a reader polling with its last position never skips an entry that
/// commits later with a lower number.
/// </summary>
internal static class JournalRows
{
    public const string ReadSql = """
        SELECT first_position, instance_id, entries FROM journal_chunks
        WHERE root_instance_id = @root AND last_position > @after ORDER BY last_position LIMIT @limit
        """;

    /// <summary>
    /// One root's head bumped by its entry count and its chunks inserted after the head's old value, in one statement
    /// (PostgreSQL): the chunks' positions 1..n come as arrays, shifted by the new head minus n. The head row lock
    /// orders concurrent commits under one root exactly as a separate bump would.
    /// </summary>
    public const string AppendRootSql = $"""
        WITH head AS ({BumpHeadSql})
        INSERT INTO journal_chunks ({ChunkColumns})
        SELECT @root, head.last_position - @count + c.hi, head.last_position - @count + c.lo, c.instance, c.entries
        FROM head, unnest(@lo, @hi, @instance, @entries) AS c(lo, hi, instance, entries)
        """;

    private const string ChunkColumns = "root_instance_id, last_position, first_position, instance_id, entries";

    private const string BumpHeadSql = """
        INSERT INTO journal_heads (root_instance_id, last_position) VALUES (@root, @count)
        ON CONFLICT (root_instance_id) DO UPDATE SET last_position = journal_heads.last_position + @count
        RETURNING last_position
        """;

    private const string InsertChunkSql = $"INSERT INTO journal_chunks ({ChunkColumns}) VALUES (@root, @last, @first, @instance, @entries)";

    /// <summary>
    /// Appends <paramref name="entries"/>. Over a network (PostgreSQL) each root's head and chunks go as one statement
    /// (<see cref="AppendRootSql"/>), one round trip; SQLite has no round trips to save, so there the head is bumped
    /// and each chunk inserted by prepared statements.
    /// </summary>
    public static async Task AppendAsync(SqlDatabase database, DbConnection connection, DbTransaction transaction, IReadOnlyList<JournalRecord> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        foreach (var (root, batch) in ByRoot(entries))
        {
            if (database.PrefersArrayParameters)
            {
                var (lo, hi, instances, packed) = Arrays(batch);
                await connection.Command(AppendRootSql, transaction).With("@root", root).With("@count", (long)batch.Count)
                    .With("@lo", lo).With("@hi", hi).With("@instance", instances).With("@entries", packed).RunAsync(cancellationToken);
                continue;
            }

            var last = Convert.ToInt64(
                await connection.Command(BumpHeadSql, transaction).With("@root", root).With("@count", (long)batch.Count).ScalarAsync(cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
            var before = last - batch.Count;
            await using var insert = connection.Command(InsertChunkSql, transaction);
            insert.With("@root", root).With("@last", 0L).With("@first", 0L).With("@instance", null).With("@entries", null);
            foreach (var chunk in JournalChunk.Split(batch))
            {
                insert.Set("@first", before + chunk.Start + 1);
                insert.Set("@last", before + chunk.Start + chunk.Count);
                insert.Set("@instance", chunk.InstanceId);
                insert.Set("@entries", chunk.Pack(batch));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>A commit's entries grouped by root, each group in commit order.</summary>
    public static IEnumerable<(string Root, List<JournalRecord> Entries)> ByRoot(IReadOnlyList<JournalRecord> entries)
    {
        // Almost every commit has a single root: no grouping needed then.
        var first = entries[0].RootInstanceId;
        if (entries.All(e => string.Equals(e.RootInstanceId, first, StringComparison.Ordinal)))
        {
            return [(first, entries as List<JournalRecord> ?? [.. entries])];
        }

        return entries.GroupBy(e => e.RootInstanceId, StringComparer.Ordinal).Select(g => (g.Key, g.ToList()));
    }

    /// <summary>A root's chunks as the parallel arrays <see cref="AppendRootSql"/> takes (positions from 1).</summary>
    public static (long[] Lo, long[] Hi, string[] Instances, string[] Entries) Arrays(List<JournalRecord> batch)
    {
        var chunks = JournalChunk.Split(batch);
        var lo = new long[chunks.Count];
        var hi = new long[chunks.Count];
        var instances = new string[chunks.Count];
        var packed = new string[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            lo[i] = chunks[i].Start + 1;
            hi[i] = chunks[i].Start + chunks[i].Count;
            instances[i] = chunks[i].InstanceId;
            packed[i] = chunks[i].Pack(batch);
        }

        return (lo, hi, instances, packed);
    }
}
