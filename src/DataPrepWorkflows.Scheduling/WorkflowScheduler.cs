using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Scheduling.Jobs;
using DataPrepWorkflows.Scheduling.Schedules;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Quartz.Impl;
using Quartz.Impl.Matchers;

namespace DataPrepWorkflows.Scheduling;

/// <summary>
/// Keeps Quartz's persistent jobs in step with the <c>Cron</c>, <c>Timer</c> and <c>StartAt</c> triggers of
/// published workflows, and starts a workflow through <see cref="IWorkflowRuntime"/> at each fire, with a
/// deduplication key per schedule slot so a slot starts one run even if it is fired twice.
/// </summary>
/// <remarks>
/// The trigger index is read again whenever its stamp moves (checked every
/// <see cref="WorkflowSchedulerOptions.IndexPollInterval"/> and on <see cref="SyncAsync"/>). A job whose schedule did
/// not change is left alone, so its next fire time and misfire state survive restarts.
/// </remarks>
public sealed partial class WorkflowScheduler : IAsyncDisposable
{
    private readonly IWorkflowRuntime _runtime;
    private readonly WorkflowSchedulerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _syncLock = new(1, 1);
    private CancellationTokenSource? _polling;
    private Task? _pollLoop;
    private IScheduler? _scheduler;
    private long? _stamp;

    /// <summary>Creates the scheduler; nothing runs until <see cref="StartAsync"/>.</summary>
    /// <param name="runtime">Starts the workflows.</param>
    /// <param name="options">Store, names and misfire policy.</param>
    /// <param name="clock">The clock for polling the index. <value>The system clock.</value></param>
    /// <param name="logger">Where fires and sync problems are logged.</param>
    public WorkflowScheduler(IWorkflowRuntime runtime, WorkflowSchedulerOptions options, TimeProvider? clock = null, ILogger<WorkflowScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _runtime = runtime;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Creates Quartz's tables when missing, starts Quartz, syncs with the trigger index and starts polling it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
        {
            throw new InvalidOperationException("The scheduler is already started.");
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = await new StdSchedulerFactory(QuartzProperties.From(_options)).GetScheduler(cancellationToken).ConfigureAwait(false);
        scheduler.JobFactory = new ScheduledStartJobFactory(_runtime, _options, _logger);
        _scheduler = scheduler;
        await SyncAsync(cancellationToken).ConfigureAwait(false);
        await scheduler.Start(cancellationToken).ConfigureAwait(false);
        _polling = new CancellationTokenSource();
        _pollLoop = PollAsync(_polling.Token);
    }

    /// <summary>
    /// Reads the trigger index if its stamp moved since the last sync and adds, replaces or removes Quartz jobs to
    /// match. Returns whether the index was read.
    /// </summary>
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        var scheduler = _scheduler ?? throw new InvalidOperationException("Start the scheduler first.");
        await _syncLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stamp = await _runtime.Store.Triggers.GetStampAsync(cancellationToken).ConfigureAwait(false);
            if (stamp == _stamp)
            {
                return false;
            }

            var desired = await ReadIndexAsync(cancellationToken).ConfigureAwait(false);
            await ApplyAsync(scheduler, desired, cancellationToken).ConfigureAwait(false);
            _stamp = stamp;
            return true;
        }
        finally
        {
            _syncLock.Release();
        }
    }

    /// <summary>Stops polling and shuts Quartz down, letting fires in progress finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_polling is not null)
        {
            await _polling.CancelAsync().ConfigureAwait(false);
            try
            {
                await (_pollLoop ?? Task.CompletedTask).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected: the loop ends by cancellation.
            }

            _polling.Dispose();
            _polling = null;
        }

        if (_scheduler is { } scheduler)
        {
            _scheduler = null;
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _syncLock.Dispose();
    }

    private async Task<Dictionary<string, ScheduledTrigger>> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var desired = new Dictionary<string, ScheduledTrigger>(StringComparer.Ordinal);
        foreach (var kind in ScheduleKind.All)
        {
            foreach (var stored in await _runtime.Store.Triggers.ListAsync(kind, cancellationToken).ConfigureAwait(false))
            {
                var (trigger, problem) = ScheduledTrigger.From(stored);
                if (trigger is null)
                {
                    LogSkipped(_logger, stored.WorkflowId, stored.Index, problem ?? "");
                    continue;
                }

                desired[trigger.JobName] = trigger;
            }
        }

        return desired;
    }

    private async Task ApplyAsync(IScheduler scheduler, Dictionary<string, ScheduledTrigger> desired, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduledTrigger.Group), cancellationToken).ConfigureAwait(false);
        foreach (var key in existing.Where(k => !desired.ContainsKey(k.Name)))
        {
            await scheduler.DeleteJob(key, cancellationToken).ConfigureAwait(false);
            LogRemoved(_logger, key.Name);
        }

        foreach (var trigger in desired.Values)
        {
            var key = new JobKey(trigger.JobName, ScheduledTrigger.Group);
            var fingerprint = QuartzJobs.Fingerprint(trigger, _options.MisfirePolicy);
            var current = await scheduler.GetTriggersOfJob(key, cancellationToken).ConfigureAwait(false);
            var expectedCount = trigger.Spec.Kind == ScheduleKind.Cron ? trigger.Spec.QuartzExpressions.Count : 1;
            if (current.Count == expectedCount && current.All(t => t.Description == fingerprint))
            {
                continue;
            }

            // A StartAt that already fired has no job left; re-adding it is only safe while its deduplication key lives.
            if (trigger.Spec.Kind == ScheduleKind.StartAt && current.Count == 0 && trigger.Spec.Start + _options.DeduplicationWindow < now)
            {
                continue;
            }

            await scheduler.ScheduleJob(QuartzJobs.Job(trigger), QuartzJobs.Triggers(trigger, _options.MisfirePolicy, now), replace: true, cancellationToken).ConfigureAwait(false);
            LogScheduled(_logger, trigger.JobName, trigger.PayloadJson);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.IndexPollInterval, _clock);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await SyncAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An outage of the store must not stop the schedules already in Quartz; the next tick retries.
                LogSyncFailed(_logger, e);
            }
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        var factory = _options.ConnectionFactory ?? (cs => new SqliteConnection(cs));
        await using var connection = factory(_options.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (connection is SqliteConnection)
        {
            // Readers (the other schedulers on the file) must not block Quartz's writes.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await QuartzSchema.EnsureCreatedAsync(connection, _options.Provider, _options.TablePrefix, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Warning, "Schedule trigger {Index} of {WorkflowId} is skipped: {Problem}")]
    private static partial void LogSkipped(ILogger logger, string workflowId, int index, string problem);

    [LoggerMessage(LogLevel.Information, "Scheduled {Job}: {Payload}")]
    private static partial void LogScheduled(ILogger logger, string job, string payload);

    [LoggerMessage(LogLevel.Information, "Unscheduled {Job}")]
    private static partial void LogRemoved(ILogger logger, string job);

    [LoggerMessage(LogLevel.Error, "Reading the trigger index failed; retrying at the next poll")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
