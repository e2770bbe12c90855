using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class TimeoutAndCancellationTests
{
    private static readonly TimeSpan TestLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Timeout_CancelsTheAttempt_AndFaultsWithStatesTimeout()
    {
        var h = new Harness();
        var wf = Workflow("timeout", Act("hang", "Hang").TimeoutAfter(TimeSpan.FromMinutes(5)));

        var running = h.StartAsync(wf);
        Assert.False(running.IsCompleted);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = await running.WaitAsync(TestLimit);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(ActivityError.Timeout, result.Error!.Error);
        Assert.Equal("hang", result.Error.ActivityId);
        Assert.Equal(TimeSpan.FromMinutes(5), result.Journal.Single(e => e.Event == JournalEvent.Faulted).Duration);
    }

    [Theory]
    [InlineData(9, "Finished")]
    [InlineData(11, "Faulted")]
    public async Task SynchronousActivityThatOverrunsItsTimeout_FaultsWithStatesTimeout(int seconds, string status)
    {
        var h = new Harness();
        var wf = Workflow("sync-timeout", Act("busy", "Busy", new { seconds }).TimeoutAfter(TimeSpan.FromSeconds(10)));

        var result = await h.StartAsync(wf);

        Assert.Equal(status, result.Status.ToString());
        Assert.Equal(status == "Faulted" ? ActivityError.Timeout : null, result.Error?.Error);
        Assert.Equal(0, h.Clock.ActiveTimers);
    }

    [Fact]
    public async Task Timeout_IsCaughtByACatcherForStatesTimeout_ButNotByTaskFailed()
    {
        var h = new Harness();
        var wf = Workflow("timeout-catch",
            Act("hang", "Hang").TimeoutAfter(TimeSpan.FromSeconds(10))
                .Catching("wrong", ActivityError.TaskFailed)
                .Catching("right", ActivityError.Timeout),
            Act("wrong", "Record"),
            Act("right", "Record"));

        var running = h.StartAsync(wf);
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        var result = await running.WaitAsync(TestLimit);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["right"], h.Recorder.Events);
    }

    [Fact]
    public async Task Timeout_IsRetried_WhenARetrierMatches()
    {
        var h = new Harness();
        var wf = Workflow("timeout-retry",
            Act("hang", "Hang").TimeoutAfter(TimeSpan.FromSeconds(10)).With(new Retrier([ActivityError.Timeout], IntervalSeconds: 5, MaxAttempts: 1)));

        var running = h.StartAsync(wf);
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        var first = await running.WaitAsync(TestLimit);
        Assert.Equal(WorkflowStatus.Suspended, first.Status);
        Assert.Equal(h.Clock.GetUtcNow().AddSeconds(5), first.State.NextTimerDue());

        h.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = h.Engine.RunDueTimersAsync(wf, first.State);
        h.Clock.Advance(TimeSpan.FromSeconds(10));
        var result = await second.WaitAsync(TestLimit);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(2, result.Activity("hang").Attempt);
    }

    [Fact]
    public async Task CancellingTheCall_CancelsRunningActivities_AndRecordsCancelled()
    {
        var h = new Harness();
        var wf = Workflow("cancel", Act("start", "Noop", null, "hang", "wait"), Act("hang", "Hang"), Act("wait", "WaitSignal"));
        using var cts = new CancellationTokenSource();

        var running = h.StartAsync(wf, cancellationToken: cts.Token);
        Assert.False(running.IsCompleted);
        await cts.CancelAsync();
        var result = await running.WaitAsync(TestLimit);

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Equal(ActivityStatus.Cancelled, result.Activity("hang").Status);
        Assert.Equal(ActivityStatus.Cancelled, result.Activity("wait").Status);
        Assert.Empty(result.Bookmarks);
        Assert.Equal(JournalEvent.WorkflowCancelled, result.Journal[^1].Event);
    }

    [Fact]
    public async Task CancelAsync_CancelsASuspendedInstance_AndItsTimers()
    {
        var h = new Harness();
        var wf = Workflow("cancel-suspended", Act("delay", "Delay", new { duration = "PT1H" }, "after"), Act("after", "Record"));
        var suspended = await h.StartAsync(wf);

        var result = await h.Engine.CancelAsync(wf, suspended.State);

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Null(result.State.NextTimerDue());
        Assert.Equal(["delay:Cancelled"], result.Journal.Trace(JournalEvent.Cancelled));
        Assert.Empty(h.Recorder.Events);
    }

    [Fact]
    public async Task Resume_OfAnUnknownBookmark_IsRejectedClearly()
    {
        var h = new Harness();
        var wf = Workflow("unknown", Act("wait", "WaitSignal"));
        var suspended = await h.StartAsync(wf);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.Engine.ResumeAsync(wf, suspended.State, "nope"));
        Assert.Contains("no pending bookmark 'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefinitionThatCannotRun_ThrowsWorkflowDefinitionException_WithACode()
    {
        var h = new Harness();
        var unknownType = Workflow("bad", Act("a", "NoSuchType"));
        var missingTarget = Workflow("bad2", Act("a", "Noop", null, "ghost"));
        var badExpression = Workflow("bad3", Act("a", "Record", new { text = "=1 +* 2" }));

        Assert.Equal("ENG001", Assert.Throws<WorkflowDefinitionException>(() => h.Engine.Prepare(unknownType)).Code);
        Assert.Equal("ENG003", Assert.Throws<WorkflowDefinitionException>(() => h.Engine.Prepare(missingTarget)).Code);
        var expression = Assert.Throws<WorkflowDefinitionException>(() => h.Engine.Prepare(badExpression));
        Assert.Equal("ENG005", expression.Code);
        Assert.Contains("activity 'a', input 'text'", expression.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_HappensOncePerDefinition()
    {
        var h = new Harness();
        WorkflowDefinition wf = Workflow("once", Act("a", "Noop"));

        var first = h.Engine.GetPlan(wf);
        var second = h.Engine.GetPlan(wf);

        Assert.Same(first, second);
    }
}
