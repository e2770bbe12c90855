namespace DataPrepWorkflows.Persistence.Migrations;

/// <summary>
/// Version 3: incidents, the trigger index with its change stamp, the audit log, and the indexes that keep every
/// documented instance filter's first page an index range scan with a million instances.
/// </summary>
internal static class V3IncidentsTriggersAudit
{
    public static Migration Migration { get; } = new(3, "incidents, trigger index, audit log, listing indexes", Sqlite, PostgreSql);

    private const string Sqlite = """
        CREATE TABLE incidents (
            incident_id TEXT NOT NULL PRIMARY KEY, instance_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
            activity_id TEXT NOT NULL, activity_type TEXT NOT NULL, error_type TEXT NOT NULL, message TEXT NOT NULL,
            created_at INTEGER NOT NULL, resolved_at INTEGER);
        CREATE INDEX ix_incidents_instance ON incidents (instance_id, created_at);
        CREATE INDEX ix_incidents_open ON incidents (created_at, incident_id) WHERE resolved_at IS NULL;

        CREATE TABLE triggers (
            workflow_id TEXT NOT NULL, trigger_index INTEGER NOT NULL, version INTEGER NOT NULL,
            trigger_type TEXT NOT NULL, trigger_key TEXT, payload_json TEXT NOT NULL,
            PRIMARY KEY (workflow_id, trigger_index)) WITHOUT ROWID;
        CREATE INDEX ix_triggers_type_key ON triggers (trigger_type, trigger_key);
        CREATE TABLE trigger_stamp (id INTEGER NOT NULL PRIMARY KEY, stamp INTEGER NOT NULL);
        INSERT INTO trigger_stamp (id, stamp) VALUES (1, 0);

        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, recorded_at INTEGER NOT NULL, actor TEXT NOT NULL,
            role TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, details_json TEXT, remote_address TEXT);
        CREATE INDEX ix_audit_log_actor ON audit_log (actor, seq);
        CREATE INDEX ix_audit_log_target ON audit_log (target, seq);

        CREATE INDEX ix_instances_version ON instances (workflow_id, workflow_version, created_at, instance_id);
        CREATE INDEX ix_instances_status ON instances (status, created_at, instance_id);
        CREATE INDEX ix_instances_workflow_status ON instances (workflow_id, status, created_at, instance_id);
        CREATE INDEX ix_instances_correlation ON instances (correlation_id, created_at, instance_id) WHERE correlation_id IS NOT NULL;
        CREATE INDEX ix_instances_parent ON instances (parent_instance_id, created_at, instance_id) WHERE parent_instance_id IS NOT NULL;
        CREATE INDEX ix_instances_finished ON instances (finished_at) WHERE finished_at IS NOT NULL;
        CREATE INDEX ix_bookmarks_workflow ON bookmarks (workflow_id);
        """;

    private const string PostgreSql = """
        CREATE TABLE incidents (
            incident_id TEXT NOT NULL PRIMARY KEY, instance_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
            activity_id TEXT NOT NULL, activity_type TEXT NOT NULL, error_type TEXT NOT NULL, message TEXT NOT NULL,
            created_at BIGINT NOT NULL, resolved_at BIGINT);
        CREATE INDEX ix_incidents_instance ON incidents (instance_id, created_at);
        CREATE INDEX ix_incidents_open ON incidents (created_at, incident_id) WHERE resolved_at IS NULL;

        CREATE TABLE triggers (
            workflow_id TEXT NOT NULL, trigger_index INTEGER NOT NULL, version INTEGER NOT NULL,
            trigger_type TEXT NOT NULL, trigger_key TEXT, payload_json TEXT NOT NULL,
            PRIMARY KEY (workflow_id, trigger_index));
        CREATE INDEX ix_triggers_type_key ON triggers (trigger_type, trigger_key);
        CREATE TABLE trigger_stamp (id INTEGER NOT NULL PRIMARY KEY, stamp BIGINT NOT NULL);
        INSERT INTO trigger_stamp (id, stamp) VALUES (1, 0);

        CREATE TABLE audit_log (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recorded_at BIGINT NOT NULL, actor TEXT NOT NULL,
            role TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, details_json TEXT, remote_address TEXT);
        CREATE INDEX ix_audit_log_actor ON audit_log (actor, seq);
        CREATE INDEX ix_audit_log_target ON audit_log (target, seq);

        CREATE INDEX ix_instances_version ON instances (workflow_id, workflow_version, created_at, instance_id);
        CREATE INDEX ix_instances_status ON instances (status, created_at, instance_id);
        CREATE INDEX ix_instances_workflow_status ON instances (workflow_id, status, created_at, instance_id);
        CREATE INDEX ix_instances_correlation ON instances (correlation_id, created_at, instance_id) WHERE correlation_id IS NOT NULL;
        CREATE INDEX ix_instances_parent ON instances (parent_instance_id, created_at, instance_id) WHERE parent_instance_id IS NOT NULL;
        CREATE INDEX ix_instances_finished ON instances (finished_at) WHERE finished_at IS NOT NULL;
        CREATE INDEX ix_bookmarks_workflow ON bookmarks (workflow_id);
        """;
}
