namespace DataPrepWorkflows.Persistence.Migrations;

/// <summary>
/// Version 2: the leased work queue (with open batches: at most one per batch key), the per-instance lease guard that
/// keeps one live lease per instance across nodes, and deduplication keys.
/// </summary>
internal static class V2WorkQueue
{
    public static Migration Migration { get; } = new(2, "work queue, instance leases, deduplication, batches", Sqlite, PostgreSql);

    private const string Sqlite = """
        CREATE TABLE work_items (
            id TEXT NOT NULL PRIMARY KEY, kind INTEGER NOT NULL, instance_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
            workflow_version INTEGER NOT NULL, bookmark_id TEXT, payload_json TEXT, due_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL, batch_key TEXT, batch_open INTEGER NOT NULL DEFAULT 0,
            applied INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT,
            lease_expires_at INTEGER, last_error TEXT);
        CREATE INDEX ix_work_items_due ON work_items (due_at, id);
        CREATE INDEX ix_work_items_instance ON work_items (instance_id);
        CREATE INDEX ix_work_items_bookmark ON work_items (bookmark_id) WHERE bookmark_id IS NOT NULL;
        CREATE UNIQUE INDEX ix_work_items_open_batch ON work_items (batch_key) WHERE batch_open = 1;

        CREATE TABLE instance_leases (
            instance_id TEXT NOT NULL PRIMARY KEY, item_id TEXT NOT NULL, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
        CREATE UNIQUE INDEX ix_instance_leases_item ON instance_leases (item_id);

        CREATE TABLE deduplication (dedup_key TEXT NOT NULL PRIMARY KEY, expires_at INTEGER NOT NULL);
        CREATE INDEX ix_deduplication_expires ON deduplication (expires_at);
        """;

    private const string PostgreSql = """
        CREATE TABLE work_items (
            id TEXT NOT NULL PRIMARY KEY, kind INTEGER NOT NULL, instance_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
            workflow_version INTEGER NOT NULL, bookmark_id TEXT, payload_json TEXT, due_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL, batch_key TEXT, batch_open INTEGER NOT NULL DEFAULT 0,
            applied INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT,
            lease_expires_at BIGINT, last_error TEXT);
        CREATE INDEX ix_work_items_due ON work_items (due_at, id);
        CREATE INDEX ix_work_items_instance ON work_items (instance_id);
        CREATE INDEX ix_work_items_bookmark ON work_items (bookmark_id) WHERE bookmark_id IS NOT NULL;
        CREATE UNIQUE INDEX ix_work_items_open_batch ON work_items (batch_key) WHERE batch_open = 1;

        CREATE TABLE instance_leases (
            instance_id TEXT NOT NULL PRIMARY KEY, item_id TEXT NOT NULL, owner TEXT NOT NULL, expires_at BIGINT NOT NULL);
        CREATE UNIQUE INDEX ix_instance_leases_item ON instance_leases (item_id);

        CREATE TABLE deduplication (dedup_key TEXT NOT NULL PRIMARY KEY, expires_at BIGINT NOT NULL);
        CREATE INDEX ix_deduplication_expires ON deduplication (expires_at);
        """;
}
