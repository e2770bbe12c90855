namespace DataPrepWorkflows.Persistence.Migrations;

/// <summary>
/// Version 4: journals stored as chunks, one row per commit, root and run of consecutive entries of one instance,
/// instead of one row per entry (a row is a b-tree insert in two trees, and a commit wrote about three per activity).
/// A chunk holds its first and last position and its entries packed as a JSON array
/// (<c>[[seq, ticks, event, activityId, activityType, entryJson], …]</c>, <see cref="Sql.JournalChunk"/>); it is keyed
/// by (root, last position), so reading on from a position is one range read. Existing rows become one chunk each.
/// </summary>
internal static class V4JournalChunks
{
    public static Migration Migration { get; } = new(4, "journal chunks", Sqlite, PostgreSql);

    private const string Sqlite = """
        CREATE TABLE journal_chunks (
            root_instance_id TEXT NOT NULL, last_position INTEGER NOT NULL, first_position INTEGER NOT NULL,
            instance_id TEXT NOT NULL, entries TEXT NOT NULL,
            PRIMARY KEY (root_instance_id, last_position)) WITHOUT ROWID;
        INSERT INTO journal_chunks (root_instance_id, last_position, first_position, instance_id, entries)
        SELECT root_instance_id, position, position, instance_id,
               json_array(json_array(seq, recorded_at, event, activity_id, activity_type, entry_json))
        FROM journal ORDER BY root_instance_id, position;
        DROP TABLE journal;
        CREATE INDEX ix_journal_chunks_instance ON journal_chunks (instance_id);
        """;

    private const string PostgreSql = """
        CREATE TABLE journal_chunks (
            root_instance_id TEXT NOT NULL, last_position BIGINT NOT NULL, first_position BIGINT NOT NULL,
            instance_id TEXT NOT NULL, entries TEXT NOT NULL,
            PRIMARY KEY (root_instance_id, last_position));
        INSERT INTO journal_chunks (root_instance_id, last_position, first_position, instance_id, entries)
        SELECT root_instance_id, position, position, instance_id,
               CAST(json_build_array(json_build_array(seq, recorded_at, event, activity_id, activity_type, entry_json)) AS TEXT)
        FROM journal;
        DROP TABLE journal;
        CREATE INDEX ix_journal_chunks_instance ON journal_chunks (instance_id);
        """;
}
