namespace DataPrepWorkflows.Persistence.Migrations;

/// <summary>Version 1: workflow versions, instances, bookmarks and journals.</summary>
internal static class V1Core
{
    public static Migration Migration { get; } = new(1, "workflow versions, instances, bookmarks, journal", Sqlite, PostgreSql);

    private const string Sqlite = """
        CREATE TABLE workflow_versions (
            workflow_id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, definition_json TEXT NOT NULL,
            is_published INTEGER NOT NULL DEFAULT 0, is_latest INTEGER NOT NULL DEFAULT 0, git_commit TEXT,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, author TEXT,
            PRIMARY KEY (workflow_id, version)) WITHOUT ROWID;
        CREATE UNIQUE INDEX ix_workflow_versions_published ON workflow_versions (workflow_id) WHERE is_published = 1;
        CREATE UNIQUE INDEX ix_workflow_versions_latest ON workflow_versions (workflow_id) WHERE is_latest = 1;

        CREATE TABLE instances (
            instance_id TEXT NOT NULL PRIMARY KEY, workflow_id TEXT NOT NULL, workflow_version INTEGER NOT NULL,
            status INTEGER NOT NULL, correlation_id TEXT, parent_instance_id TEXT, git_commit TEXT,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER, next_timer_at INTEGER,
            error_message TEXT, state BLOB NOT NULL, revision INTEGER NOT NULL);
        CREATE INDEX ix_instances_created ON instances (created_at, instance_id);
        CREATE INDEX ix_instances_workflow ON instances (workflow_id, created_at, instance_id);

        CREATE TABLE bookmarks (
            bookmark_id TEXT NOT NULL PRIMARY KEY, instance_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
            activity_id TEXT NOT NULL, activity_type TEXT NOT NULL, name TEXT NOT NULL, stimulus_key TEXT,
            payload_json TEXT, resume_at INTEGER, created_at INTEGER NOT NULL);
        CREATE INDEX ix_bookmarks_instance ON bookmarks (instance_id);
        CREATE INDEX ix_bookmarks_type_key ON bookmarks (activity_type, stimulus_key);

        CREATE TABLE journal (
            root_instance_id TEXT NOT NULL, position INTEGER NOT NULL, instance_id TEXT NOT NULL, seq INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL, event TEXT NOT NULL, activity_id TEXT, activity_type TEXT,
            entry_json TEXT NOT NULL,
            PRIMARY KEY (root_instance_id, position)) WITHOUT ROWID;
        CREATE INDEX ix_journal_instance ON journal (instance_id, seq);
        CREATE TABLE journal_heads (root_instance_id TEXT NOT NULL PRIMARY KEY, last_position INTEGER NOT NULL);
        """;

    private const string PostgreSql = """
        CREATE TABLE workflow_versions (
            workflow_id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, definition_json TEXT NOT NULL,
            is_published INTEGER NOT NULL DEFAULT 0, is_latest INTEGER NOT NULL DEFAULT 0, git_commit TEXT,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, author TEXT,
            PRIMARY KEY (workflow_id, version));
        CREATE UNIQUE INDEX ix_workflow_versions_published ON workflow_versions (workflow_id) WHERE is_published = 1;
        CREATE UNIQUE INDEX ix_workflow_versions_latest ON workflow_versions (workflow_id) WHERE is_latest = 1;

        CREATE TABLE instances (
            instance_id TEXT NOT NULL PRIMARY KEY, workflow_id TEXT NOT NULL, workflow_version INTEGER NOT NULL,
            status INTEGER NOT NULL, correlation_id TEXT, parent_instance_id TEXT, git_commit TEXT,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, finished_at BIGINT, next_timer_at BIGINT,
            error_message TEXT, state BYTEA NOT NULL, revision BIGINT NOT NULL);
        CREATE INDEX ix_instances_created ON instances (created_at, instance_id);
        CREATE INDEX ix_instances_workflow ON instances (workflow_id, created_at, instance_id);

        CREATE TABLE bookmarks (
            bookmark_id TEXT NOT NULL PRIMARY KEY, instance_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
            activity_id TEXT NOT NULL, activity_type TEXT NOT NULL, name TEXT NOT NULL, stimulus_key TEXT,
            payload_json TEXT, resume_at BIGINT, created_at BIGINT NOT NULL);
        CREATE INDEX ix_bookmarks_instance ON bookmarks (instance_id);
        CREATE INDEX ix_bookmarks_type_key ON bookmarks (activity_type, stimulus_key);

        CREATE TABLE journal (
            root_instance_id TEXT NOT NULL, position BIGINT NOT NULL, instance_id TEXT NOT NULL, seq BIGINT NOT NULL,
            recorded_at BIGINT NOT NULL, event TEXT NOT NULL, activity_id TEXT, activity_type TEXT,
            entry_json TEXT NOT NULL,
            PRIMARY KEY (root_instance_id, position));
        CREATE INDEX ix_journal_instance ON journal (instance_id, seq);
        CREATE TABLE journal_heads (root_instance_id TEXT NOT NULL PRIMARY KEY, last_position BIGINT NOT NULL);
        """;
}
