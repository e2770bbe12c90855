using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Control;

public sealed class ForEachTests
{
    [Fact]
    public async Task Sequential_RunsItemsInOrder_WithItemAndIndexInScope()
    {
        var h = new Harness();
        var wf = Workflow("seq",
            Act("each", "ForEach", new { items = new[] { "a", "b", "c" } })
                .WithBody(Act("rec", "Record", new { text = "=index + '=' + item" })));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["rec:0=a", "rec:1=b", "rec:2=c"], h.Recorder.Events);
        Assert.Equal("""[{"value":"0=a"},{"value":"1=b"},{"value":"2=c"}]""", result.Activity("each").Outputs!["results"]!.ToJsonString());
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(3, 10)]
    [InlineData(4, 4)]
    public async Task Parallel_NeverRunsMoreBodiesAtOnceThanTheParallelism_AndReachesIt(int parallelism, int count)
    {
        var probe = new ConcurrencyProbe(parallelism, count);
        var h = new Harness(service: probe);
        var wf = Workflow("par",
            Act("each", "ForEach", new { items = Enumerable.Range(0, count).ToArray(), parallelism })
                .WithBody(Act("probe", "Probe", new { index = "=item" })));

        var result = await h.StartAsync(wf).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(parallelism, probe.MaxConcurrent);
        Assert.Equal(count, probe.Order.Count);
        var results = result.Activity("each").Outputs!["results"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 10), results.Select(r => r!["value"]!.GetValue<int>()));
        if (parallelism == 1)
        {
            Assert.Equal(Enumerable.Range(0, count), probe.Order);
        }
    }

    [Fact]
    public async Task ResultVariable_IsThePerItemResult_AndDoesNotLeakIntoTheWorkflow()
    {
        var h = new Harness();
        var wf = Workflow("result",
            Act("each", "ForEach", new { items = new[] { 1, 2, 3 } }, "after")
                .WithBody(Act("set", "SetVariable", new { name = "result", value = "=item * item" })),
            Act("after", "Record", new { text = "=String(variables.result)" }));

        var result = await h.StartAsync(wf);

        Assert.Equal("[1,4,9]", result.Activity("each").Outputs!["results"]!.ToJsonString());
        Assert.Equal(["after:undefined"], h.Recorder.Events);
        Assert.Single(result.State.Scopes);
    }

    [Fact]
    public async Task EmptyItems_CompletesWithNoResults()
    {
        var h = new Harness();
        var wf = Workflow("empty", Act("each", "ForEach", new { items = Array.Empty<int>() }).WithBody(Act("rec", "Record")));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("[]", result.Activity("each").Outputs!["results"]!.ToJsonString());
        Assert.Empty(h.Recorder.Events);
    }

    [Fact]
    public async Task BodyFailure_FaultsTheForEach_WithTheBodysErrorName()
    {
        var h = new Harness();
        var wf = Workflow("body-fails",
            Act("each", "ForEach", new { items = new[] { 1, 2, 3 } }, "after").Catching("handler", "Item.Bad")
                .WithBody(
                    Act("check", "If", new { condition = "=item == 2" }, "True:bad", "False:ok"),
                    Act("bad", "Fail", new { error = "Item.Bad", cause = "two" }),
                    Act("ok", "Record", new { text = "=String(item)" })),
            Act("after", "Record"),
            Act("handler", "Record", new { text = "=error.error" }));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["ok:1", "handler:Item.Bad"], h.Recorder.Events);
        Assert.Equal(ActivityStatus.Faulted, result.Activity("each").Status);
        Assert.Contains("Item 1 failed in 'bad'", result.Activity("each").Error!.Cause, StringComparison.Ordinal);
        Assert.Single(result.State.Scopes);
    }

    [Fact]
    public async Task BodyFailureCaughtInsideTheBody_DoesNotFaultTheForEach()
    {
        var h = new Harness();
        var wf = Workflow("caught-inside",
            Act("each", "ForEach", new { items = new[] { 1, 2 } })
                .WithBody(
                    Act("risky", "Fail", new { error = "Item.Bad" }).Catching("recover"),
                    Act("recover", "SetVariable", new { name = "result", value = "=error.error + ' on ' + item" })));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("""["Item.Bad on 1","Item.Bad on 2"]""", result.Activity("each").Outputs!["results"]!.ToJsonString());
    }

    [Fact]
    public async Task ThousandItems_RunWithBoundedState()
    {
        var h = new Harness();
        var wf = Workflow("big", Act("each", "ForEach", new { items = Enumerable.Range(0, 1000).ToArray(), parallelism = 8 }).WithBody(Act("n", "Noop")));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(1000, result.Activity("each").Outputs!["results"]!.AsArray().Count);
        Assert.Single(result.State.Scopes);
        Assert.Equal(1000, result.Journal.Count(e => e.ActivityId == "n" && e.Event == JournalEvent.Completed));
    }

    [Fact]
    public async Task ParallelismBelowOne_IsAnInputError()
    {
        var h = new Harness();
        var wf = Workflow("bad", Act("each", "ForEach", new { items = new[] { 1 }, parallelism = 0 }).WithBody(Act("n", "Noop")));

        var result = await h.StartAsync(wf);

        Assert.Equal(ActivityError.InputError, result.Error!.Error);
    }
}
