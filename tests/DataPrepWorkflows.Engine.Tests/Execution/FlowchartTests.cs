using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class FlowchartTests
{
    [Fact]
    public async Task Sequence_RunsInEdgeOrder_AndFinishes()
    {
        var h = new Harness();
        var wf = Workflow("seq", Act("a", "Record", null, "b"), Act("b", "Record", null, "c"), Act("c", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["a", "b", "c"], h.Recorder.Events);
        Assert.Equal(["a:Completed", "b:Completed", "c:Completed"], result.Journal.Trace(JournalEvent.Completed));
    }

    [Fact]
    public async Task SeveralOutgoingEdges_RunAllBranches_AndTheJoinRunsOnceAfterBoth()
    {
        var h = new Harness();
        var wf = Workflow("fan",
            Act("start", "Noop", null, "left", "right"),
            Act("left", "Record", null, "join"),
            Act("right", "Record", null, "join"),
            Act("join", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(1, h.Recorder.Count("join"));
        Assert.Equal("join", h.Recorder.Events.Last());
    }

    [Fact]
    public async Task JoinAfterIf_BranchNotTakenIsSkipped_AndTheJoinDoesNotDeadlock()
    {
        var h = new Harness();
        var wf = Workflow("if-join",
            Act("check", "If", new { condition = true }, "True:yes", "False:no"),
            Act("yes", "Record", null, "after"),
            Act("no", "Record", null, "no-2"),
            Act("no-2", "Record", null, "after"),
            Act("after", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["yes", "after"], h.Recorder.Events);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("no").Status);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("no-2").Status);
        Assert.Equal(["no:Skipped", "no-2:Skipped"], result.Journal.Trace(JournalEvent.Skipped));
    }

    [Fact]
    public async Task ActivityWhoseIncomingBranchesAreAllSkipped_IsSkipped_AndSkipsPropagate()
    {
        var h = new Harness();
        var wf = Workflow("all-skipped",
            Act("check", "If", new { condition = false }, "True:a", "True:b", "False:other"),
            Act("a", "Record", null, "join"),
            Act("b", "Record", null, "join"),
            Act("join", "Record", null, "tail"),
            Act("tail", "Record"),
            Act("other", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["other"], h.Recorder.Events);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("join").Status);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("tail").Status);
    }

    [Fact]
    public async Task WaitAnyJoin_RunsOnFirstArrival_AndIgnoresLaterArrivals()
    {
        var h = new Harness();
        var wf = Workflow("any",
            Act("start", "Noop", null, "fast", "slow"),
            Act("fast", "Record", null, "first"),
            Act("slow", "WaitSignal", null, "first"),
            Act("first", "Join", new { mode = "WaitAny" }, "after"),
            Act("after", "Record"));

        var suspended = await h.StartAsync(wf);
        Assert.Equal(WorkflowStatus.Suspended, suspended.Status);
        Assert.Equal(["fast", "after"], h.Recorder.Events);
        Assert.Equal(ActivityStatus.Completed, suspended.Activity("first").Status);

        var bookmark = Assert.Single(suspended.Bookmarks);
        var finished = await h.Engine.ResumeAsync(wf, suspended.State, bookmark.Id);

        Assert.Equal(WorkflowStatus.Finished, finished.Status);
        Assert.Equal(1, h.Recorder.Count("after"));
        Assert.DoesNotContain(finished.Journal, e => e.ActivityId == "first");
    }

    [Fact]
    public async Task ForkWithNamedBranches_FollowsEveryBranch()
    {
        var h = new Harness();
        var wf = Workflow("fork",
            Act("fork", "Fork", new { branches = new[] { "left", "right" } }, "left:a", "right:b"),
            Act("a", "Record", null, "join"),
            Act("b", "Record", null, "join"),
            Act("join", "Join", null, "done"),
            Act("done", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["left", "right"], result.Activity("fork").Outcomes!);
        Assert.Equal(1, h.Recorder.Count("done"));
    }

    [Fact]
    public async Task CatchTargets_DoNotStart_WhenNothingFails()
    {
        var h = new Harness();
        var wf = Workflow("no-fault",
            Act("work", "Record", null, "next").Catching("handler"),
            Act("next", "Record"),
            Act("handler", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(["work", "next"], h.Recorder.Events);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("handler").Status);
    }

    [Fact]
    public async Task AsynchronousBranches_Interleave()
    {
        var probe = new ConcurrencyProbe(parallelism: 2, total: 2);
        var h = new Harness(service: probe);
        var wf = Workflow("interleave",
            Act("start", "Noop", null, "p0", "p1"),
            Act("p0", "Probe", new { index = 0 }),
            Act("p1", "Probe", new { index = 1 }));

        var result = await h.StartAsync(wf).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(2, probe.MaxConcurrent);
    }
}
