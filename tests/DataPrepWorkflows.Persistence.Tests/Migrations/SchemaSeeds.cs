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

    /// <summary>
    /// The journals seeded: root <c>old</c> (two entries) and root <c>other</c> with a child's entries between its own,
    /// nulls, and entry JSON that needs escaping (quotes, backslashes, a line break, non-ASCII); in position order.
    /// </summary>
    public static readonly JournalRecord[] Journal =
    [
        new("old", 1, Epoch, "Started", null, null, "{}", "old"),
        new("old", 2, Epoch, "Suspended", "wait", "Label", "{}", "old"),
        new("other", 1, Epoch, "Started", null, null, """{"note":"a \"quoted\" path C:\\x"}""", "other"),
        new("other-child", 1, Epoch.AddTicks(1), "Started", "run", "RunWorkflow", "{\"text\":\"line\nbreak, été 日本 😀\"}", "other"),
        new("other-child", 2, Epoch.AddTicks(2), "Completed", "run", "RunWorkflow", "not json at all ' \t", "other"),
        new("other", 2, Epoch.AddSeconds(1), "Completed", "step", null, "[]", "other"),
    ];

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
            await SeedJournalAsync(connection, transaction, version);
            await connection.Command(
                "INSERT INTO journal_heads (root_instance_id, last_position) VALUES ('old', 2), ('other', 4)", transaction).RunAsync(default);
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

    private static async Task SeedJournalAsync(DbConnection connection, DbTransaction transaction, int version)
    {
        foreach (var root in Journal.GroupBy(e => e.RootInstanceId))
        {
            var entries = root.ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var command = version < 4
                    ? connection.Command(
                        """
                        INSERT INTO journal (root_instance_id, position, instance_id, seq, recorded_at, event, activity_id, activity_type, entry_json)
                        VALUES (@root, @position, @instance, @seq, @at, @event, @activity, @type, @json)
                        """,
                        transaction)
                        .With("@seq", entry.Sequence).With("@at", entry.Timestamp).With("@event", entry.Event).With("@activity", entry.ActivityId)
                        .With("@type", entry.ActivityType).With("@json", entry.EntryJson)
                    : connection.Command(
                        """
                        INSERT INTO journal_chunks (root_instance_id, last_position, first_position, instance_id, entries)
                        VALUES (@root, @position, @position, @instance, @entries)
                        """,
                        transaction).With("@entries", new JournalChunk(entry.InstanceId, i, 1).Pack(entries));
                await command.With("@root", entry.RootInstanceId).With("@position", (long)i + 1).With("@instance", entry.InstanceId).RunAsync(default);
            }
        }
    }
}
