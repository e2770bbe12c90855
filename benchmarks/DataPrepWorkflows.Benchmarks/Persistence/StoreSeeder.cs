using System.Text;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Persistence.Sql;
using Npgsql;
using NpgsqlTypes;

namespace DataPrepWorkflows.Benchmarks.Persistence;

/// <summary>
/// Fills a store with <c>N</c> instances in bulk (SQLite: one prepared insert in one transaction; PostgreSQL:
/// binary COPY), half of them on one workflow spread over its 100 versions, with a bookmark on each suspended one.
/// </summary>
internal static class StoreSeeder
{
    public const string MainWorkflow = "wf-000";
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly byte[] SmallState = Encoding.UTF8.GetBytes("""{"status":"Finished","activities":{"a":{"status":"Completed"}},"variables":{}}""");

    public static string InstanceId(int i) => $"i{i:D7}";

    public static (string Workflow, int Version, WorkflowStatus Status, DateTimeOffset Created) Shape(int i)
    {
        var workflow = i % 2 == 0 ? MainWorkflow : $"wf-{1 + (i % 9):D3}";
        var version = i % 2 == 0 ? 1 + (i / 2 % 100) : 1;
        var status = (i % 100) switch
        {
            < 90 => WorkflowStatus.Finished,
            < 95 => WorkflowStatus.Suspended,
            < 98 => WorkflowStatus.Faulted,
            _ => WorkflowStatus.Running,
        };
        return (workflow, version, status, Epoch.AddSeconds(i));
    }

    public static async Task SeedDefinitionsAsync(IRuntimeStore store)
    {
        for (var v = 1; v <= 100; v++)
        {
            await store.Definitions.SaveDraftAsync(MainWorkflow, "Main", """{"id":"wf-000","activities":[]}""", null, null, default);
            await store.Definitions.PublishAsync(MainWorkflow, v, default);
        }
    }

    public static async Task SeedInstancesAsync(SqlDatabase database, int count)
    {
        if (database.Provider == "postgresql")
        {
            await CopyAsync(database, count);
        }
        else
        {
            await InsertAsync(database, count);
        }

        await using var connection = await database.OpenAsync(default);
        await connection.Command("ANALYZE").RunAsync(default);
    }

    private static async Task InsertAsync(SqlDatabase database, int count)
    {
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var instance = connection.Command(
                    "INSERT INTO instances (instance_id, workflow_id, workflow_version, status, correlation_id, parent_instance_id, git_commit, created_at, updated_at, finished_at, next_timer_at, error_message, state, revision) VALUES (@id, @wf, @v, @s, @c, @p, NULL, @t, @t, @f, NULL, NULL, @state, 1)",
                    transaction);
                instance.With("@id", "").With("@wf", "").With("@v", 0).With("@s", 0).With("@c", "").With("@p", null).With("@t", 0L).With("@f", null).With("@state", SmallState);
                await using var bookmark = connection.Command(
                    "INSERT INTO bookmarks (bookmark_id, instance_id, workflow_id, activity_id, activity_type, name, stimulus_key, payload_json, resume_at, created_at) VALUES (@b, @id, @wf, 'wait', @type, 'wait', @key, NULL, NULL, @t)",
                    transaction);
                bookmark.With("@b", "").With("@id", "").With("@wf", "").With("@type", "").With("@key", "").With("@t", 0L);
                instance.Prepare();
                bookmark.Prepare();
                for (var i = 0; i < count; i++)
                {
                    var (workflow, version, status, created) = Shape(i);
                    instance.Set("@id", InstanceId(i));
                    instance.Set("@wf", workflow);
                    instance.Set("@v", version);
                    instance.Set("@s", status);
                    instance.Set("@c", "corr-" + i);
                    instance.Set("@p", i % 100 == 99 ? InstanceId(i - 1) : null);
                    instance.Set("@t", created);
                    instance.Set("@f", status is WorkflowStatus.Finished or WorkflowStatus.Faulted ? created.AddSeconds(5) : (DateTimeOffset?)null);
                    await instance.ExecuteNonQueryAsync();
                    if (status == WorkflowStatus.Suspended)
                    {
                        bookmark.Set("@b", "b" + i);
                        bookmark.Set("@id", InstanceId(i));
                        bookmark.Set("@wf", workflow);
                        bookmark.Set("@type", i % 2 == 0 ? "Label" : "HttpEndpoint");
                        bookmark.Set("@key", "job-" + i);
                        bookmark.Set("@t", created);
                        await bookmark.ExecuteNonQueryAsync();
                    }
                }

                return 0;
            },
            default);
    }

    private static async Task CopyAsync(SqlDatabase database, int count)
    {
        await using var connection = (NpgsqlConnection)await database.OpenAsync(default);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY instances (instance_id, workflow_id, workflow_version, status, correlation_id, parent_instance_id, created_at, updated_at, finished_at, state, revision) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var (workflow, version, status, created) = Shape(i);
                await writer.StartRowAsync();
                await writer.WriteAsync(InstanceId(i), NpgsqlDbType.Text);
                await writer.WriteAsync(workflow, NpgsqlDbType.Text);
                await writer.WriteAsync(version, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)status, NpgsqlDbType.Integer);
                await writer.WriteAsync("corr-" + i, NpgsqlDbType.Text);
                await WriteOrNullAsync(writer, i % 100 == 99 ? InstanceId(i - 1) : null, NpgsqlDbType.Text);
                await writer.WriteAsync(created.UtcTicks, NpgsqlDbType.Bigint);
                await writer.WriteAsync(created.UtcTicks, NpgsqlDbType.Bigint);
                await WriteOrNullAsync(writer, status is WorkflowStatus.Finished or WorkflowStatus.Faulted ? created.AddSeconds(5).UtcTicks : null, NpgsqlDbType.Bigint);
                await writer.WriteAsync(SmallState, NpgsqlDbType.Bytea);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY bookmarks (bookmark_id, instance_id, workflow_id, activity_id, activity_type, name, stimulus_key, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var (workflow, _, status, created) = Shape(i);
                if (status != WorkflowStatus.Suspended)
                {
                    continue;
                }

                await writer.WriteRowAsync(default, "b" + i, InstanceId(i), workflow, "wait", i % 2 == 0 ? "Label" : "HttpEndpoint", "wait", "job-" + i, created.UtcTicks);
            }

            await writer.CompleteAsync();
        }
    }

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter writer, long? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value.Value, type);
}
