using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Scheduling.Tests.Testing;
using DataPrepWorkflows.Scheduling.Triggers;

namespace DataPrepWorkflows.Scheduling.Tests.EndToEnd;

/// <summary>A Timer trigger firing through the real runtime and SQLite store, from two schedulers at once.</summary>
[Collection(QuartzCollection.Name)]
public sealed class ScheduledRunsTests
{
    [Fact]
    public async Task TwoSchedulers_FiringEverySlot_StartOneRunPerSlot_InTheRealStore()
    {
        using var folder = new TempDatabase();
        var runtimeDb = Path.Combine(Path.GetDirectoryName(folder.FilePath)!, "runtime.db");
        await using var store = await RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = runtimeDb }, TimeProvider.System, CancellationToken.None);
        var registry = ActivityRegistry.WithBuiltIns(typeof(TimerTrigger).Assembly);
        await using var host = new RuntimeHost(store, registry, new JintExpressionEngine(),
            new RuntimeOptions { NodeId = "node-a", IdlePoll = TimeSpan.FromMilliseconds(50) },
            new WorkflowEngineOptions { TimeProvider = TimeProvider.System });
        var finished = 0;
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.InstanceSettled += record =>
        {
            if (record.Status == WorkflowStatus.Finished && Interlocked.Increment(ref finished) >= 3)
            {
                three.TrySetResult();
            }
        };
        using var stop = new CancellationTokenSource();
        var node = host.RunAsync(stop.Token);
        var workflow = new JsonObject
        {
            ["id"] = "every-second",
            ["version"] = 1,
            ["name"] = "every second",
            ["description"] = "Logs every second.",
            ["triggers"] = new JsonArray(new JsonObject { ["type"] = "Timer", ["interval"] = "1s" }),
            ["activities"] = new JsonArray(new JsonObject { ["id"] = "log", ["type"] = "Log", ["inputs"] = new JsonObject { ["message"] = "=trigger.scheduledTime" } }),
        };
        var draft = await store.Definitions.SaveDraftAsync("every-second", "every second", workflow.ToJsonString(), null, "test", CancellationToken.None);
        await host.PublishAsync("every-second", draft.Version, CancellationToken.None);
        var counting = new CountingRuntime(host);
        var name = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        await using (var a = new WorkflowScheduler(counting, new WorkflowSchedulerOptions { ConnectionString = folder.ConnectionString, SchedulerName = name + "-a" }))
        await using (var b = new WorkflowScheduler(counting, new WorkflowSchedulerOptions { ConnectionString = folder.ConnectionString, SchedulerName = name + "-b" }))
        {
            await a.StartAsync(CancellationToken.None);
            await b.StartAsync(CancellationToken.None);
            await three.Task.WaitAsync(ScheduleTestBed.Patience);
            await counting.FirstDuplicate.WaitAsync(ScheduleTestBed.Patience);
        }

        await stop.CancelAsync();
        try
        {
            await node;
        }
        catch (OperationCanceledException)
        {
            // The node stops by cancellation.
        }

        var instances = await store.Instances.ListAsync(new InstanceQuery { WorkflowId = "every-second", PageSize = 500 }, CancellationToken.None);
        var keys = instances.Items.Select(i => i.CorrelationId).ToList();
        Assert.True(keys.Count >= 3);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.StartsWith("schedule:every-second:0:", k, StringComparison.Ordinal));
        Assert.True(counting.Duplicates > 0, "both schedulers fired, and the store refused the second start of a slot");
    }

    private sealed class CountingRuntime(IWorkflowRuntime inner) : IWorkflowRuntime
    {
        private readonly TaskCompletionSource _firstDuplicate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _duplicates;

        public int Duplicates => _duplicates;

        public Task FirstDuplicate => _firstDuplicate.Task;

        public IRuntimeStore Store => inner.Store;

        public async Task<StartedInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
        {
            var started = await inner.StartAsync(request, cancellationToken);
            if (started.Duplicate)
            {
                Interlocked.Increment(ref _duplicates);
                _firstDuplicate.TrySetResult();
            }

            return started;
        }

        public Task<bool> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken cancellationToken) => inner.ResumeAsync(bookmarkId, input, cancellationToken);

        public Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken) => inner.CancelAsync(instanceId, cancellationToken);

        public Task<bool> RetryAsync(string instanceId, CancellationToken cancellationToken) => inner.RetryAsync(instanceId, cancellationToken);

        public Task<InstanceRecord?> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken) => inner.WaitAsync(instanceId, timeout, cancellationToken);

        public Task<StoredWorkflowVersion> PublishAsync(string workflowId, int version, CancellationToken cancellationToken) => inner.PublishAsync(workflowId, version, cancellationToken);

        public Task<bool> UnpublishAsync(string workflowId, CancellationToken cancellationToken) => inner.UnpublishAsync(workflowId, cancellationToken);
    }
}
