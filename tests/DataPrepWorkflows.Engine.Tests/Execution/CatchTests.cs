using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class CatchTests
{
    [Fact]
    public async Task MatchingCatcher_RoutesToItsTarget_WithTheErrorObjectInScope()
    {
        var h = new Harness();
        var wf = Workflow("catch",
            Act("load", "Fail", new { error = "Data.Missing", cause = "no rows" }, "next")
                .Catching("other", "Other.Error")
                .Catching("handler", "Data.Missing"),
            Act("next", "Record"),
            Act("other", "Record"),
            Act("handler", "Record", new { text = "=error.error + '|' + error.cause + '|' + error.activityId + '|' + activities.load.error.error" }));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["handler:Data.Missing|no rows|load|Data.Missing"], h.Recorder.Events);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("next").Status);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("other").Status);
        Assert.Equal(ActivityStatus.Faulted, result.Activity("load").Status);
        Assert.Equal(new ActivityError("Data.Missing", "no rows", "load"), result.Activity("handler").CaughtError);
    }

    [Fact]
    public async Task UncaughtFault_FaultsTheInstance_WithTheErrorRecorded()
    {
        var h = new Harness();
        var wf = Workflow("uncaught",
            Act("a", "Record", null, "boom"),
            Act("boom", "Fail", new { error = "Quality.Failed", cause = "score 0.5 < 0.9" }, "after").Catching("h", "Other"),
            Act("after", "Record"),
            Act("h", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(new ActivityError("Quality.Failed", "score 0.5 < 0.9", "boom"), result.Error);
        Assert.Equal(["a"], h.Recorder.Events);
        var last = result.Journal[^1];
        Assert.Equal(JournalEvent.WorkflowFaulted, last.Event);
        Assert.Equal("boom", last.ActivityId);
    }

    [Fact]
    public async Task UnexpectedException_BecomesTaskFailed_WithItsMessage()
    {
        var h = new Harness();
        var wf = Workflow("crash", Act("c", "Flaky", new { error = "crash" }));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(new ActivityError(ActivityError.TaskFailed, "crash 1", "c"), result.Error);
    }

    [Fact]
    public async Task OutputThatThrowsWhenRead_FaultsTheActivity_InsteadOfEscapingTheEngine()
    {
        var h = new Harness();
        var wf = Workflow("bad-output", Act("bad", "BadOutput").Catching("h"), Act("h", "Record"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(new ActivityError(ActivityError.TaskFailed, "output getter failed", "bad"), result.Activity("bad").Error);
        Assert.Equal(["h"], h.Recorder.Events);
    }

    [Fact]
    public async Task FaultInOneBranch_CancelsTheOtherBranches()
    {
        var h = new Harness();
        var wf = Workflow("cancel-others",
            Act("start", "Noop", null, "wait", "boom"),
            Act("wait", "WaitSignal"),
            Act("boom", "Fail"));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(ActivityStatus.Cancelled, result.Activity("wait").Status);
        Assert.Empty(result.Bookmarks);
    }

    [Fact]
    public async Task InputThatCannotBeBound_FaultsWithInputError_WhichCatchCanMatch()
    {
        var h = new Harness();
        var wf = Workflow("bad-input",
            Act("typed", "Typed", new { count = "many" }).Catching("h", ActivityError.InputError),
            Act("h", "Record", new { text = "=error.cause" }));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Contains("input 'count'", Assert.Single(h.Recorder.Events), StringComparison.Ordinal);
        Assert.Equal(ActivityError.InputError, result.Activity("typed").Error!.Error);
    }

    [Fact]
    public async Task ExpressionError_FaultsWithInputError()
    {
        var h = new Harness();
        var wf = Workflow("expr", Act("r", "Record", new { text = "=inputs.missing.deeper" }));

        var result = await h.StartAsync(wf, new JsonObject());

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(ActivityError.InputError, result.Error!.Error);
        Assert.Contains("input 'text'", result.Error.Cause, StringComparison.Ordinal);
    }
}
