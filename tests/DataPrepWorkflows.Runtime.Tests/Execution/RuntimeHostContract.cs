using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Tests.Support;
using DataPrepWorkflows.Testing.PostgreSql;
using static DataPrepWorkflows.Runtime.Tests.Support.Workflows;

namespace DataPrepWorkflows.Runtime.Tests.Execution;

/// <summary>The runtime's behaviour, run against each store (SQLite and PostgreSQL subclasses below).</summary>
public abstract class RuntimeHostContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh store and clock for one test.</summary>
    protected abstract Task<RuntimeHarness> CreateHarnessAsync();

    [Fact]
    public async Task Start_RunsToTheEnd_AndCommitsInstanceJournalAndNothingLeftQueued()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("chain", ("a", "Step", Text("1")), ("b", "Step", Text("2")), ("c", "Step", Text("3"))));

        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "chain", CorrelationId = "file-1" }, None);
        await node.RunUntilIdleAsync(None);

        var instance = await h.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(("chain", 1, "file-1", "abc123"), (instance.WorkflowId, instance.WorkflowVersion, instance.CorrelationId, instance.GitCommit));
        var journal = await h.Store.Journal.ReadAsync(started.InstanceId, 0, 1000, None);
        Assert.Equal(journal.Entries.Select(e => e.Sequence), Enumerable.Range(1, journal.Entries.Count).Select(i => (long)i));
        Assert.Equal("WorkflowFinished", journal.Entries[^1].Event);
        Assert.Empty(await h.Store.Work.ListForInstanceAsync(started.InstanceId, None));
        Assert.Equal(1, h.World.Count("c"));
    }

    [Fact]
    public async Task EveryCompletedActivity_IsCommitted_WhileTheRunGoesOn()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("held", ("a", "Step", Text("1")), ("b", "Step", Text("2")), ("gate", "Gate", null), ("c", "Step", Text("3"))));
        h.World.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "held" }, None);
        var running = node.RunUntilIdleAsync(None);
        await h.World.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // While 'gate' is still running, 'a' and 'b' are committed.
        var mid = await h.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Running, mid.Status);
        var state = WorkflowInstanceState.FromJson(mid.State.Span);
        Assert.Equal(ActivityStatus.Completed, state.Scopes["root"].Activities["b"].Status);
        Assert.True(mid.Revision >= 2);

        h.World.Hold.SetResult();
        await running;
        Assert.Equal(WorkflowStatus.Finished, (await h.InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task ANodeDyingMidActivity_ItsWorkContinuesOnAnotherNodeFromTheLastCommit_Once()
    {
        await using var h = await CreateHarnessAsync();
        var dying = h.Node("node-a");
        await h.PublishAsync(dying, Chain("crash", ("a", "Step", Text("1")), ("gate", "Gate", null), ("c", "Step", Text("3"))));
        h.World.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = await dying.StartAsync(new StartWorkflowRequest { WorkflowId = "crash" }, None);
        var abandoned = dying.RunUntilIdleAsync(None);
        await h.World.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // node-a hangs in 'gate' and never renews; once its lease lapses, node-b takes the work over.
        var hold = h.World.Hold;
        h.World.Hold = null;
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var survivor = h.Node("node-b");
        await survivor.RunUntilIdleAsync(None);

        var instance = await h.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(1, h.World.Count("a"));
        Assert.Equal(2, h.World.Count("gate"));
        Assert.Equal(1, h.World.Count("c"));
        Assert.Equal(2, h.World.Keys.Count(k => k == $"{started.InstanceId}:gate:1"));

        // node-a wakes up late: its commit is refused and changes nothing.
        hold.SetResult();
        await abandoned;
        var after = await h.InstanceAsync(started.InstanceId);
        Assert.Equal((WorkflowStatus.Finished, instance.Revision), (after.Status, after.Revision));
        Assert.Equal(1, h.World.Count("c"));
    }

    [Fact]
    public async Task AnUnsafeStepInterruptedByANodeDying_FaultsAsInterrupted_WithAnIncident()
    {
        await using var h = await CreateHarnessAsync();
        var dying = h.Node("node-a");
        await h.PublishAsync(dying, Chain("pay", ("a", "Step", Text("1")), ("charge", "UnsafeGate", null), ("c", "Step", Text("3"))));
        h.World.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = await dying.StartAsync(new StartWorkflowRequest { WorkflowId = "pay" }, None);
        _ = dying.RunUntilIdleAsync(None);
        await h.World.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));

        h.World.Hold = null;
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.Node("node-b").RunUntilIdleAsync(None);

        var instance = await h.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal(1, h.World.Count("charge"));
        var incident = Assert.Single(await h.Store.Incidents.ListForInstanceAsync(started.InstanceId, None));
        Assert.Equal(("charge", "UnsafeGate", "DataPrep.Interrupted"), (incident.ActivityId, incident.ActivityType, incident.ErrorType));
    }

    [Fact]
    public async Task ADelay_IsADueWorkItem_ThatFiresOnceWhenTheClockReachesIt()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("wait", ("a", "Step", Text("1")), ("pause", "Delay", new JsonObject { ["duration"] = "PT10M" }), ("c", "Step", Text("3"))));
        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "wait" }, None);
        await node.RunUntilIdleAsync(None);

        var suspended = await h.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Suspended, suspended.Status);
        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), suspended.NextTimerAt);
        Assert.Equal(WorkKind.Timers, Assert.Single(await h.Store.Work.ListForInstanceAsync(started.InstanceId, None)).Kind);

        h.Clock.Advance(TimeSpan.FromMinutes(9));
        await node.RunUntilIdleAsync(None);
        Assert.Equal(WorkflowStatus.Suspended, (await h.InstanceAsync(started.InstanceId)).Status);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.Node("node-b").RunUntilIdleAsync(None);
        await node.RunUntilIdleAsync(None);
        Assert.Equal(WorkflowStatus.Finished, (await h.InstanceAsync(started.InstanceId)).Status);
        Assert.Equal(1, h.World.Count("c"));
    }

    [Fact]
    public async Task ConcurrentResumesOfOneBookmark_ResumeItExactlyOnce()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("signal", ("wait", "Await", new JsonObject { ["key"] = "approve" }), ("c", "Step", Text("done"))));
        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "signal" }, None);
        await node.RunUntilIdleAsync(None);
        var bookmark = Assert.Single(await h.Store.Bookmarks.FindAsync(new BookmarkQuery { ActivityType = "Await", Key = "approve" }, None));

        var nodes = Enumerable.Range(0, 4).Select(i => h.Node($"n{i}")).ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            nodes[i % nodes.Count].ResumeAsync(bookmark.BookmarkId, new JsonObject { ["by"] = i }, None)));
        await Task.WhenAll(nodes.Select(n => n.RunUntilIdleAsync(None)));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, h.World.Count("wait"));
        Assert.Equal(WorkflowStatus.Finished, (await h.InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task AFaultedInstance_HasAnIncident_AndRetryRunsItOnFromTheFailedActivity()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("fragile", ("a", "Step", Text("1")), ("f", "Fragile", new JsonObject { ["failures"] = 1 }), ("c", "Step", Text("3"))));
        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "fragile" }, None);
        await node.RunUntilIdleAsync(None);
        Assert.Equal(WorkflowStatus.Faulted, (await h.InstanceAsync(started.InstanceId)).Status);
        Assert.Single(await h.Store.Incidents.ListOpenAsync(10, null, None) is { } open ? open.Items : []);

        Assert.True(await node.RetryAsync(started.InstanceId, None));
        await node.RunUntilIdleAsync(None);

        Assert.Equal(WorkflowStatus.Finished, (await h.InstanceAsync(started.InstanceId)).Status);
        Assert.Equal((1, 2, 1), (h.World.Count("a"), h.World.Count("f"), h.World.Count("c")));
        Assert.Empty((await h.Store.Incidents.ListOpenAsync(10, null, None)).Items);
        Assert.False(await node.RetryAsync(started.InstanceId, None));
    }

    [Fact]
    public async Task CancelASuspendedInstance_EndsItCancelled()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("signal", ("wait", "Await", null), ("c", "Step", Text("done"))));
        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "signal" }, None);
        await node.RunUntilIdleAsync(None);

        Assert.True(await node.CancelAsync(started.InstanceId, None));
        await node.RunUntilIdleAsync(None);

        Assert.Equal(WorkflowStatus.Cancelled, (await h.InstanceAsync(started.InstanceId)).Status);
        Assert.Empty(await h.Store.Bookmarks.FindAsync(new BookmarkQuery { InstanceId = started.InstanceId }, None));
        Assert.False(await node.CancelAsync(started.InstanceId, None));
    }

    [Fact]
    public async Task ACancelQueuedBeforeTheStartRan_EndsItCancelled_WhileAnotherStartRuns()
    {
        // The claim tells a start whether a cancel of its instance is queued; the start next to it has none.
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("twice", ("a", "Step", Text("1")), ("b", "Step", Text("2"))));
        var cancelled = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "twice" }, None);
        var kept = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "twice" }, None);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await node.CancelAsync(cancelled.InstanceId, None));

        await node.RunUntilIdleAsync(None);

        Assert.Equal(WorkflowStatus.Cancelled, (await h.InstanceAsync(cancelled.InstanceId)).Status);
        Assert.Equal(WorkflowStatus.Finished, (await h.InstanceAsync(kept.InstanceId)).Status);
        Assert.Empty(await h.Store.Work.ListForInstanceAsync(cancelled.InstanceId, None));
    }

    [Fact]
    public Task AStartQueuedForAWorkflowDeletedOnAnotherNode_IsDropped_ThoughThisNodeHadItCached() =>
        // The claim carries the trigger stamp the delete moved, so the node forgets the version it had cached.
        AStartForAWorkflowDeletedElsewhereIsDroppedAsync(h => h.Node("node-b"));

    [Fact]
    public Task OnAStoreWhoseClaimsCarryNoTriggerStamp_TheNodeReadsIt_AndStillDropsAStartForAWorkflowDeletedElsewhere() =>
        AStartForAWorkflowDeletedElsewhereIsDroppedAsync(h => h.Node("node-b", StampLessStore.Wrap(h.Store)));

    /// <summary>Node <c>b</c> (made by <paramref name="nodeB"/>) caches a version, another node deletes the workflow, b drops the start it had queued.</summary>
    private async Task AStartForAWorkflowDeletedElsewhereIsDroppedAsync(Func<RuntimeHarness, RuntimeHost> nodeB)
    {
        await using var h = await CreateHarnessAsync();
        var a = h.Node("node-a");
        var b = nodeB(h);
        await h.PublishAsync(a, Chain("gone", ("a", "Step", Text("1"))));
        await b.StartAsync(new StartWorkflowRequest { WorkflowId = "gone" }, None);
        await b.RunUntilIdleAsync(None);
        var queued = await b.StartAsync(new StartWorkflowRequest { WorkflowId = "gone" }, None);

        Assert.True(await h.Store.Definitions.DeleteAsync("gone", None));
        await b.RunUntilIdleAsync(None);

        Assert.Null(await h.Store.Instances.GetAsync(queued.InstanceId, None));
        Assert.Empty(await h.Store.Work.ListForInstanceAsync(queued.InstanceId, None));
        Assert.Equal(1, h.World.Count("a"));
    }

    [Fact]
    public async Task AStartAfterAPublishElsewhere_TakesTheNewVersion_AndItsDeduplicationKeyOnce()
    {
        // The node's first attempt is enqueued against the stamp it cached, which the publish moved: it writes
        // nothing, not even the key, and the start is enqueued again with the version now published.
        await using var h = await CreateHarnessAsync();
        var a = h.Node("node-a");
        var b = h.Node("node-b");
        await h.PublishAsync(a, Chain("moved", ("a", "Step", Text("1"))));
        Assert.Equal(1, (await b.StartAsync(new StartWorkflowRequest { WorkflowId = "moved" }, None)).WorkflowVersion);
        await h.PublishAsync(a, Chain("moved", ("b", "Step", Text("2"))));
        var key = new DeduplicationRecord("event:moved:e-1", h.Clock.GetUtcNow() + TimeSpan.FromHours(1));

        var first = await b.StartAsync(new StartWorkflowRequest { WorkflowId = "moved", Deduplication = key }, None);
        var again = await b.StartAsync(new StartWorkflowRequest { WorkflowId = "moved", Deduplication = key }, None);

        Assert.Equal((2, false), (first.WorkflowVersion, first.Duplicate));
        Assert.True(again.Duplicate);
        Assert.Single(await h.Store.Work.ListForInstanceAsync(first.InstanceId, None));
    }

    [Fact]
    public async Task AStartWithADeduplicationKeyAlreadyAccepted_StartsNothing()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("once", ("a", "Step", Text("1"))));
        var key = new DeduplicationRecord("event:once:e-1", h.Clock.GetUtcNow() + TimeSpan.FromHours(1));

        var first = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "once", Deduplication = key }, None);
        var second = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "once", Deduplication = key }, None);
        await node.RunUntilIdleAsync(None);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(1, h.World.Count("a"));
    }

    [Fact]
    public async Task Publish_IndexesTheTriggers_AndStartingAnUnpublishedWorkflowIsRefused()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        var wf = Chain("hooked", ("a", "Step", Text("1")));
        wf["triggers"] = new JsonArray(new JsonObject { ["type"] = "Hook", ["path"] = "/loans" });
        await h.PublishAsync(node, wf);

        var trigger = Assert.Single(await h.Store.Triggers.FindAsync("Hook", "POST /loans", None));
        Assert.Equal(("hooked", 1, 0), (trigger.WorkflowId, trigger.Version, trigger.Index));

        Assert.True(await node.UnpublishAsync("hooked", None));
        Assert.Empty(await h.Store.Triggers.ListAsync("Hook", None));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => node.StartAsync(new StartWorkflowRequest { WorkflowId = "hooked" }, None));
    }

    [Fact]
    public async Task Publish_OfATriggerWithSeveralPayloads_IsRefusedWithItsCode_AndPublishesNothing()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        var wf = Chain("twin", ("a", "Step", Text("1")));
        wf["triggers"] = new JsonArray(new JsonObject { ["type"] = "TwinHook" });
        var draft = await h.Store.Definitions.SaveDraftAsync("twin", "twin", wf.ToJsonString(), null, "test", None);

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => node.PublishAsync("twin", draft.Version, None));

        Assert.Equal("ENG014", error.Code);
        Assert.Null(await h.Store.Definitions.GetAsync("twin", VersionSelector.Published, None));
        Assert.Empty(await h.Store.Triggers.ListAsync("TwinHook", None));
    }

    [Fact]
    public async Task BadInputs_FaultTheInstanceWithTheReason()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        var wf = Chain("typed", ("a", "Step", Text("1")));
        wf["inputs"] = new JsonObject { ["count"] = new JsonObject { ["type"] = "integer" } };
        await h.PublishAsync(node, wf);

        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "typed", Inputs = new JsonObject { ["count"] = "many" } }, None);
        await node.RunUntilIdleAsync(None);

        var instance = await h.InstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("count", instance.ErrorMessage, StringComparison.Ordinal);

        // The fault happened before any activity: there is nothing to run again, so a retry is refused at once.
        Assert.False(await node.RetryAsync(started.InstanceId, None));
        Assert.Empty(await h.Store.Work.ListForInstanceAsync(started.InstanceId, None));
    }

    [Fact]
    public async Task AStartThatChecksInputs_IsRefusedBeforeAnythingIsQueued_AndOneThatDoesNotFaults()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        var wf = Chain("checked", ("a", "Step", Text("1")));
        wf["inputs"] = new JsonObject { ["count"] = new JsonObject { ["type"] = "integer", ["required"] = true } };
        await h.PublishAsync(node, wf);

        var wrong = await Assert.ThrowsAsync<WorkflowInputException>(() => node.StartAsync(
            new StartWorkflowRequest { WorkflowId = "checked", Inputs = new JsonObject { ["count"] = "many" }, InstanceId = "refused-1", CheckInputs = true }, None));
        var missing = await Assert.ThrowsAsync<WorkflowInputException>(() => node.StartAsync(
            new StartWorkflowRequest { WorkflowId = "checked", InstanceId = "refused-2", CheckInputs = true }, None));

        Assert.Equal(("count", "count"), (wrong.InputName, missing.InputName));
        Assert.Empty(await h.Store.Work.ListForInstanceAsync("refused-1", None));
        Assert.Empty(await h.Store.Work.ListForInstanceAsync("refused-2", None));
        var accepted = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "checked", Inputs = new JsonObject { ["count"] = 3 }, CheckInputs = true }, None);
        var notChecked = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "checked", Inputs = new JsonObject { ["count"] = "many" } }, None);
        await node.RunUntilIdleAsync(None);
        Assert.Equal(WorkflowStatus.Finished, (await h.InstanceAsync(accepted.InstanceId)).Status);
        Assert.Equal(WorkflowStatus.Faulted, (await h.InstanceAsync(notChecked.InstanceId)).Status);
    }

    [Fact]
    public async Task AFaultInTheRetriedRun_RecordsANewOpenIncident()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("twice", ("f", "Fragile", new JsonObject { ["failures"] = 2 })));
        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "twice" }, None);
        await node.RunUntilIdleAsync(None);
        var first = Assert.Single((await h.Store.Incidents.ListOpenAsync(10, null, None)).Items);

        Assert.True(await node.RetryAsync(started.InstanceId, None));
        await node.RunUntilIdleAsync(None);

        Assert.Equal(WorkflowStatus.Faulted, (await h.InstanceAsync(started.InstanceId)).Status);
        var second = Assert.Single((await h.Store.Incidents.ListOpenAsync(10, null, None)).Items);
        Assert.NotEqual(first.IncidentId, second.IncidentId);
        Assert.Equal("f", second.ActivityId);

        Assert.True(await node.RetryAsync(started.InstanceId, None));
        await node.RunUntilIdleAsync(None);
        Assert.Equal(WorkflowStatus.Finished, (await h.InstanceAsync(started.InstanceId)).Status);
        Assert.Empty((await h.Store.Incidents.ListOpenAsync(10, null, None)).Items);
    }

    [Fact]
    public async Task ARetryOfAnInstanceWhoseVersionWasDeleted_IsRefused()
    {
        await using var h = await CreateHarnessAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("doomed", ("f", "Fragile", new JsonObject { ["failures"] = 1 })));
        var started = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "doomed" }, None);
        await node.RunUntilIdleAsync(None);
        Assert.Equal(WorkflowStatus.Faulted, (await h.InstanceAsync(started.InstanceId)).Status);

        Assert.True(await h.Store.Definitions.DeleteAsync("doomed", None));

        Assert.False(await node.RetryAsync(started.InstanceId, None));
        Assert.Empty(await h.Store.Work.ListForInstanceAsync(started.InstanceId, None));
    }
}

public sealed class SqliteRuntimeHostTests : RuntimeHostContract
{
    protected override Task<RuntimeHarness> CreateHarnessAsync() => RuntimeHarness.CreateAsync();
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRuntimeHostTests(PostgreSqlFixture postgres) : RuntimeHostContract
{
    protected override async Task<RuntimeHarness> CreateHarnessAsync() =>
        await RuntimeHarness.CreateAsync(await postgres.DatabaseAsync(nameof(PostgreSqlRuntimeHostTests)));
}
