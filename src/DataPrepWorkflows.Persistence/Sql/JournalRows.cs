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
    /// Appends a prepared journal (<see cref="Prepare"/>). Over a network (PostgreSQL) each root's head and chunks go as
    /// one statement (<see cref="AppendRootSql"/>), one round trip; SQLite has no round trips to save, so there the head
    /// is bumped and each chunk inserted by prepared statements.
    /// </summary>
    public static async Task AppendAsync(SqlDatabase database, DbConnection connection, DbTransaction transaction, IReadOnlyList<JournalRoot> roots, CancellationToken cancellationToken)
    {
        foreach (var root in roots)
        {
            if (database.PrefersArrayParameters)
            {
                await connection.Command(AppendRootSql, transaction).With("@root", root.Root).With("@count", root.Count)
                    .With("@lo", root.Lo).With("@hi", root.Hi).With("@instance", root.Instances).With("@entries", root.Entries).RunAsync(cancellationToken);
                continue;
            }

            var last = Convert.ToInt64(
                await connection.Command(BumpHeadSql, transaction).With("@root", root.Root).With("@count", root.Count).ScalarAsync(cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
            var before = last - root.Count;
            await using var insert = connection.Command(InsertChunkSql, transaction);
            insert.With("@root", root.Root).With("@last", 0L).With("@first", 0L).With("@instance", null).With("@entries", null);
            for (var i = 0; i < root.Entries.Length; i++)
            {
                insert.Set("@first", before + root.Lo[i]);
                insert.Set("@last", before + root.Hi[i]);
                insert.Set("@instance", root.Instances[i]);
                insert.Set("@entries", root.Entries[i]);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>A commit's entries grouped by root and packed into chunks, ready to append (none for no entries).</summary>
    public static IReadOnlyList<JournalRoot> Prepare(IReadOnlyList<JournalRecord> entries) =>
        entries.Count == 0 ? [] : [.. ByRoot(entries).Select(r => Pack(r.Root, r.Entries))];

    /// <summary>A commit's entries grouped by root, each group in commit order.</summary>
    private static IEnumerable<(string Root, List<JournalRecord> Entries)> ByRoot(IReadOnlyList<JournalRecord> entries)
    {
        // Almost every commit has a single root: no grouping needed then.
        var first = entries[0].RootInstanceId;
        if (entries.All(e => string.Equals(e.RootInstanceId, first, StringComparison.Ordinal)))
        {
            return [(first, entries as List<JournalRecord> ?? [.. entries])];
        }

        return entries.GroupBy(e => e.RootInstanceId, StringComparer.Ordinal).Select(g => (g.Key, g.ToList()));
    }

    private static JournalRoot Pack(string root, List<JournalRecord> batch)
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

        return new JournalRoot(root, batch.Count, lo, hi, instances, packed);
    }
}
