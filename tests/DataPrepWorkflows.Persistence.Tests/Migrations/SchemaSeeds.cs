using System.Data.Common;
using System.Text;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence.Sql;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Migrations;

/// <summary>
/// Data written straight into the tables of one historical schema version, as a build of that version would have
/// written it; the upgrade test checks it reads back through today's contracts.
/// </summary>
internal static class SchemaSeeds
{
    public static readonly byte[] State = Encoding.UTF8.GetBytes("""{"old":true}""");

    public static async Task SeedAsync(DbConnection connection, int version)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (version >= 1)
        {
            await connection.Command(
                """
                INSERT INTO workflow_versions (workflow_id, version, name, definition_json, is_published, is_latest, git_commit, created_at, updated_at, author)
                VALUES ('wf', 1, 'Old', '{"id":"wf","version":1}', 1, 1, 'c0ffee', @at, @at, 'ana')
                """,
                transaction).With("@at", Epoch).RunAsync(default);
            await connection.Command(
                """
                INSERT INTO instances (instance_id, workflow_id, workflow_version, status, correlation_id, parent_instance_id, git_commit, created_at, updated_at, finished_at, next_timer_at, error_message, state, revision)
                VALUES ('old', 'wf', 1, @status, 'corr', NULL, 'c0ffee', @at, @at, NULL, NULL, NULL, @state, 3)
                """,
                transaction).With("@status", WorkflowStatus.Suspended).With("@at", Epoch).With("@state", State).RunAsync(default);
            await connection.Command(
                """
                INSERT INTO bookmarks (bookmark_id, instance_id, workflow_id, activity_id, activity_type, name, stimulus_key, payload_json, resume_at, created_at)
                VALUES ('old-bm', 'old', 'wf', 'wait', 'Label', 'wait', 'job-1', NULL, NULL, @at)
                """,
                transaction).With("@at", Epoch).RunAsync(default);
            await connection.Command(
                """
                INSERT INTO journal (root_instance_id, position, instance_id, seq, recorded_at, event, activity_id, activity_type, entry_json)
                VALUES ('old', 1, 'old', 1, @at, 'Started', NULL, NULL, '{}'), ('old', 2, 'old', 2, @at, 'Suspended', 'wait', 'Label', '{}');
                INSERT INTO journal_heads (root_instance_id, last_position) VALUES ('old', 2);
                """,
                transaction).With("@at", Epoch).RunAsync(default);
        }

        if (version >= 2)
        {
            await connection.Command(
                """
                INSERT INTO work_items (id, kind, instance_id, workflow_id, workflow_version, bookmark_id, payload_json, due_at, created_at, batch_key, batch_open, applied, attempts, lease_owner, lease_expires_at, last_error)
                VALUES ('old-timer', @kind, 'old', 'wf', 1, NULL, NULL, @at, @at, NULL, 0, 0, 0, NULL, NULL, NULL);
                INSERT INTO deduplication (dedup_key, expires_at) VALUES ('old-key', @far);
                """,
                transaction).With("@kind", WorkKind.Timers).With("@at", Epoch).With("@far", Epoch.AddYears(1)).RunAsync(default);
        }

        await transaction.CommitAsync();
    }
}
