using System.Globalization;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Scheduling.Triggers;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Scheduling.Tests.Testing;

/// <summary>A SQLite schedule store, an in-memory trigger index and a recording runtime, with schedulers on them.</summary>
internal sealed class ScheduleTestBed : IAsyncDisposable
{
    private readonly TempDatabase _database = new();
    private readonly List<WorkflowScheduler> _schedulers = [];
    private readonly string _namePrefix = "test-" + Guid.NewGuid().ToString("N")[..8];

    public ScheduleTestBed() => Runtime = new RecordingRuntime(new IndexOnlyStore(Index));

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(20);

    public TriggerIndex Index { get; } = new();

    public RecordingRuntime Runtime { get; }

    public string ConnectionString => _database.ConnectionString;

    public Task PublishTimerAsync(string workflowId, string interval) =>
        Index.ReplaceAsync(workflowId, [Stored(workflowId, "Timer", new TimerTrigger { Interval = interval }.GetTriggerPayloads()[0].ToJsonString())], CancellationToken.None);

    public Task PublishCronAsync(string workflowId, string cron) =>
        Index.ReplaceAsync(workflowId, [Stored(workflowId, "Cron", new CronTrigger { Cron = cron }.GetTriggerPayloads()[0].ToJsonString())], CancellationToken.None);

    public WorkflowScheduler Scheduler(string node = "a", MisfirePolicy policy = MisfirePolicy.FireOnceNow, TimeSpan? misfireThreshold = null)
    {
        var scheduler = new WorkflowScheduler(Runtime, new WorkflowSchedulerOptions
        {
            ConnectionString = ConnectionString,
            SchedulerName = $"{_namePrefix}-{node}",
            MisfirePolicy = policy,
            MisfireThreshold = misfireThreshold ?? TimeSpan.FromMinutes(1),
            IndexPollInterval = TimeSpan.FromHours(1),
        });
        _schedulers.Add(scheduler);
        return scheduler;
    }

    /// <summary>Moves every trigger's next fire back, as if the schedulers had been down for <paramref name="downtime"/>.</summary>
    public async Task BackdateNextFiresAsync(TimeSpan downtime)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $t";
        command.Parameters.AddWithValue("$t", (DateTimeOffset.UtcNow - downtime).UtcTicks);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<string>> JobNamesAsync(string node = "a")
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = $s ORDER BY JOB_NAME";
        command.Parameters.AddWithValue("$s", $"{_namePrefix}-{node}");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task<long> NextFireTicksAsync(string node = "a")
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(NEXT_FIRE_TIME) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = $s";
        command.Parameters.AddWithValue("$s", $"{_namePrefix}-{node}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The schedule slot of an accepted start, read from its trigger payload.</summary>
    public static DateTimeOffset SlotOf(Runtime.StartWorkflowRequest request) =>
        DateTimeOffset.Parse(request.Trigger!["scheduledTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    public static DateTimeOffset FireTimeOf(Runtime.StartWorkflowRequest request) =>
        DateTimeOffset.Parse(request.Trigger!["fireTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var scheduler in _schedulers)
        {
            await scheduler.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }

    private static StoredTrigger Stored(string workflowId, string type, string payload) => new(workflowId, 1, 0, type, null, payload);
}
