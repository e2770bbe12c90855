using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Durability;

public sealed class CheckpointTests
{
    private static WorkflowDefinition Chain() => Workflow("chain",
        Act("a", "Record", new { text = "1" }, "b"),
        Act("b", "Record", new { text = "=activities.a.output.value + '2'" }, "c"),
        Act("c", "Record", new { text = "=activities.b.output.value + '3'" }));

    [Fact]
    public async Task EveryCompletedActivity_IsCheckpointed_WithTheJournalWrittenSinceThePreviousOne()
    {
        var checkpoints = new RecordingCheckpointer();
        var harness = new Harness(checkpointer: checkpoints);

        var result = await harness.StartAsync(Chain());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        // a and b complete with the run going on; c's completion ends the instance, which the host commits itself.
        Assert.Equal([CheckpointReason.ActivityCompleted, CheckpointReason.ActivityCompleted], checkpoints.Offered);
        var sliced = checkpoints.Committed.SelectMany(c => c.Journal).Select(e => e.Sequence).ToList();
        Assert.Equal(result.Journal.Select(e => e.Sequence).Take(sliced.Count), sliced);
        var atB = WorkflowInstanceState.FromJson(checkpoints.Committed[1].StateJson.Span);
        Assert.Equal(WorkflowStatus.Running, atB.Status);
        Assert.Equal(ActivityStatus.Completed, atB.Scopes["root"].Activities["b"].Status);
        var pending = Assert.Single(atB.Pending);
        Assert.Equal(("c", PendingWorkKind.Execute), (pending.ActivityId, pending.Kind));
        Assert.Empty(result.State.Pending);
    }

    [Fact]
    public async Task KilledAfterACheckpoint_ContinuedInAFreshEngine_EndsLikeAnUninterruptedRun()
    {
        var dying = new Harness(checkpointer: new RecordingCheckpointer { KillAt = 2 });
        var checkpoints = (RecordingCheckpointer)GetCheckpointer(dying);

        await Assert.ThrowsAsync<ProcessKilledException>(() => dying.StartAsync(Chain()));

        // The last commit is the one after 'a': 'b' ran but its completion was never committed, so it runs again.
        var restarted = new Harness(recorder: dying.Recorder);
        var state = WorkflowInstanceState.FromJson(checkpoints.LastState);
        var result = await restarted.Engine.ContinueAsync(Chain(), state);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("123", result.Activity("c").Outputs!["value"]!.GetValue<string>());
        Assert.Equal(1, dying.Recorder.Count("a"));
        Assert.Equal(2, dying.Recorder.Count("b"));
        Assert.Equal(1, dying.Recorder.Count("c"));
        Assert.Contains(result.Journal, e => e.Event == JournalEvent.WorkflowResumed && e.Message!.Contains("checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStepNotSafeToRerun_IsCheckpointedBeforeItBegins_AndFaultsAsInterruptedWhenContinued()
    {
        var wf = Workflow("pay",
            Act("a", "Record", new { text = "x" }, "charge"),
            Act("charge", "Charge", null, "done"),
            Act("done", "Record", new { text = "y" }));
        var dying = new Harness(checkpointer: new RecordingCheckpointer { KillAt = 2, CommitBeforeKill = true });
        var checkpoints = (RecordingCheckpointer)GetCheckpointer(dying);

        await Assert.ThrowsAsync<ProcessKilledException>(() => dying.StartAsync(wf));

        Assert.Equal(CheckpointReason.BeforeUnsafeStep, checkpoints.Committed[1].Reason);
        var state = WorkflowInstanceState.FromJson(checkpoints.LastState);
        Assert.True(state.Scopes["root"].Activities["charge"].StepInProgress);
        var result = await new Harness(recorder: dying.Recorder).Engine.ContinueAsync(wf, state);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(InstanceRunConstants.Interrupted, result.Error!.Error);
        Assert.Equal("charge", result.Error.ActivityId);
        Assert.Equal(0, dying.Recorder.Count("charge"));
    }

    [Fact]
    public async Task AnInterruptedUnsafeStep_WithARetrierOnInterrupted_RunsAgainWithTheSameIdempotencyKey()
    {
        var wf = Workflow("pay",
            Act("charge", "Charge", null, "done").With(new Retrier([InstanceRunConstants.Interrupted], IntervalSeconds: 1, MaxAttempts: 1)),
            Act("done", "Record", new { text = "y" }));
        var dying = new Harness(checkpointer: new RecordingCheckpointer { KillAt = 1, CommitBeforeKill = true });
        var checkpoints = (RecordingCheckpointer)GetCheckpointer(dying);
        await Assert.ThrowsAsync<ProcessKilledException>(() => dying.StartAsync(wf));

        var restarted = new Harness(recorder: dying.Recorder);
        var result = await restarted.Engine.ContinueAsync(wf, WorkflowInstanceState.FromJson(checkpoints.LastState));
        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        restarted.Clock.AdvanceTo(result.State.NextTimerDue()!.Value);
        result = await restarted.Engine.RunDueTimersAsync(wf, result.State);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(1, dying.Recorder.Count("charge"));
        Assert.Equal(["key:i-1:charge:2"], dying.Recorder.Events.Where(e => e.StartsWith("key:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ASafeStepInterrupted_RunsAgainWithTheSameAttempt()
    {
        var dying = new Harness(checkpointer: new RecordingCheckpointer { KillAt = 2 });
        await Assert.ThrowsAsync<ProcessKilledException>(() => dying.StartAsync(Chain()));
        var state = WorkflowInstanceState.FromJson(((RecordingCheckpointer)dying.Engine.Checkpointer!).LastState);

        // What a checkpoint taken while 'b' was still running on another thread shows: begun, not ended, not queued.
        state.Scopes["root"].Activities["b"] = new ActivityState { Type = "Record", Status = ActivityStatus.Running, Attempt = 1, StepInProgress = true };
        state.Pending.Clear();
        var result = await new Harness(recorder: dying.Recorder).Engine.ContinueAsync(Chain(), state);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(1, result.Activity("b").Attempt);
        Assert.Contains(result.Journal, e => e.Event == JournalEvent.Scheduled && e.ActivityId == "b" && e.Message!.Contains("interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_RunsTheFaultedActivityAgainWithFreshCounters_AndTheRestOfTheFlow()
    {
        var wf = Workflow("retry",
            Act("a", "Record", new { text = "1" }, "flaky"),
            Act("flaky", "Flaky", new { failures = 1 }, "c"),
            Act("c", "Record", new { text = "3" }));
        var harness = new Harness();
        var faulted = await harness.StartAsync(wf);
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        var state = WorkflowInstanceState.FromJson(faulted.State.ToJson());

        var result = await new Harness(recorder: harness.Recorder).Engine.RetryAsync(wf, state);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Null(result.Error);
        Assert.Equal(1, harness.Recorder.Count("a"));
        Assert.Equal(2, harness.Recorder.Count("flaky"));
        Assert.Equal(1, harness.Recorder.Count("c"));
    }

    [Fact]
    public async Task Retry_OfAnInstanceThatIsNotFaulted_IsRefused()
    {
        var harness = new Harness();
        var finished = await harness.StartAsync(Chain());

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Engine.RetryAsync(Chain(), finished.State));
    }

    [Fact]
    public async Task Retry_AfterAParallelBranchFaulted_RunsTheCancelledBranchAgainToo()
    {
        var wf = Workflow("parallel",
            Act("fork", "Noop", null, "flaky", "wait"),
            Act("flaky", "Flaky", new { failures = 1 }, "join"),
            Act("wait", "Delay", new { duration = "PT1M" }, "join"),
            Act("join", "Record", new { text = "joined" }));
        var harness = new Harness();
        var faulted = await harness.StartAsync(wf);
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Equal(ActivityStatus.Cancelled, faulted.Activity("wait").Status);

        var result = await harness.Engine.RetryAsync(wf, faulted.State);
        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        harness.Clock.AdvanceTo(result.State.NextTimerDue()!.Value);
        result = await harness.Engine.RunDueTimersAsync(wf, result.State);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(1, harness.Recorder.Count("join"));
    }

    private static IWorkflowCheckpointer GetCheckpointer(Harness harness) => harness.Engine.Checkpointer!;
}

internal static class InstanceRunConstants
{
    public const string Interrupted = "DataPrep.Interrupted";
}
