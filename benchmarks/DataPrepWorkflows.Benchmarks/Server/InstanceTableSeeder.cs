using DataPrepWorkflows.Engine.Execution;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Benchmarks.Server;

/// <summary>
/// Fills a migrated SQLite runtime store with instances in one transaction (a million commits through the API would
/// time the seeding, not the listing): 20 workflows, statuses mixed, one instance a second.
/// </summary>
internal static class InstanceTableSeeder
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task SeedAsync(string databasePath, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO instances (instance_id, workflow_id, workflow_version, status, correlation_id, parent_instance_id, git_commit, created_at, updated_at, finished_at, next_timer_at, error_message, state, revision) " +
            "VALUES ($id, $wf, 1, $status, $corr, NULL, NULL, $t, $t, $f, NULL, NULL, $state, 1)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var workflow = insert.Parameters.Add("$wf", SqliteType.Text);
        var status = insert.Parameters.Add("$status", SqliteType.Integer);
        var correlation = insert.Parameters.Add("$corr", SqliteType.Text);
        var created = insert.Parameters.Add("$t", SqliteType.Integer);
        var finished = insert.Parameters.Add("$f", SqliteType.Integer);
        insert.Parameters.Add("$state", SqliteType.Blob).Value = "{}"u8.ToArray();
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            var state = (i % 10) switch { 0 => WorkflowStatus.Faulted, 1 or 2 => WorkflowStatus.Suspended, _ => WorkflowStatus.Finished };
            var at = Start.AddSeconds(i);
            id.Value = $"i{i:D8}";
            workflow.Value = $"wf-{i % 20:D2}";
            status.Value = (int)state;
            correlation.Value = $"file-{i}";
            created.Value = at.UtcTicks;
            finished.Value = state == WorkflowStatus.Suspended ? DBNull.Value : at.AddSeconds(5).UtcTicks;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}
