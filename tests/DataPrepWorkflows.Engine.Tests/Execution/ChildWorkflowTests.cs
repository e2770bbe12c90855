using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class ChildWorkflowTests
{
    private static WorkflowDefinition Child(params ActivityNode[] activities) => Workflow("child", activities) with
    {
        Inputs = [new WorkflowInput("x", "integer", JsonValue.Create(1), false, "")],
        Outputs = [new WorkflowOutput("y", JsonValue.Create("=inputs.x * 10"))],
    };

    private static WorkflowDefinition Parent() => Workflow("parent",
        Act("run", "RunWorkflow", new { workflow = "child", inputs = new { x = "=2 + 1" } }, "after")
            .Catching("handler", "Child.Broken"),
        Act("after", "Record", new { text = "=String(activities.run.output.outputs.y)" }),
        Act("handler", "Record", new { text = "=error.error + ': ' + error.cause" }));

    [Fact]
    public async Task ChildThatCompletes_GivesItsOutputsToTheParent()
    {
        var h = new Harness(children: [Child(Act("noop", "Noop"))]);

        var result = await h.StartAsync(Parent());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["after:30"], h.Recorder.Events);
        Assert.Contains(result.Journal, e => e.Event == JournalEvent.WorkflowFinished && e.WorkflowInstanceId != "i-1");
    }

    [Fact]
    public async Task ChildThatSuspends_SuspendsTheParent_AndResumingThroughTheParentInAFreshEngineCompletesBoth()
    {
        var child = Child(Act("wait", "WaitSignal", new { signal = "child.go" }));
        var h = new Harness(children: [child]);
        var parent = Parent();

        var suspended = await h.StartAsync(parent);
        Assert.Equal(WorkflowStatus.Suspended, suspended.Status);
        var link = Assert.Single(suspended.State.Children);
        Assert.Equal("run", link.ActivityId);
        var bookmark = Assert.Single(suspended.Bookmarks);
        Assert.Equal("child.go", bookmark.Name);

        var restored = WorkflowInstanceState.FromJson(suspended.State.ToJson());
        var fresh = h.Create(children: [child]);
        var result = await fresh.ResumeAsync(parent, restored, bookmark.Id, new JsonObject { ["ok"] = true });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Empty(result.State.Children);
        Assert.Equal(["after:30"], h.Recorder.Events);
    }

    [Fact]
    public async Task ChildWithADelay_IsDrivenByTheRunner_ThroughTheParent()
    {
        var child = Child(Act("pause", "Delay", new { duration = "PT10M" }));
        var h = new Harness(children: [child]);
        h.Clock.AutoAdvance = true;
        var start = h.Clock.GetUtcNow();

        var result = await new WorkflowRunner(h.Engine).RunAsync(Parent(), new WorkflowStartRequest { InstanceId = "p" })
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(start.AddMinutes(10), h.Clock.GetUtcNow());
        Assert.Equal(["after:30"], h.Recorder.Events);
        Assert.Contains(result.Journal, e => e.Event == JournalEvent.WorkflowSuspended && e.WorkflowInstanceId == "p");
    }

    [Fact]
    public async Task ChildThatFaults_FaultsTheRunWorkflowActivity_WithTheChildsErrorName()
    {
        var h = new Harness(children: [Child(Act("boom", "Fail", new { error = "Child.Broken", cause = "bad data" }))]);

        var result = await h.StartAsync(Parent());

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var line = Assert.Single(h.Recorder.Events);
        Assert.StartsWith("handler:Child.Broken: bad data", line, StringComparison.Ordinal);
        Assert.Contains("activity 'boom'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownChild_FaultsTheParentActivity_Clearly()
    {
        var h = new Harness(children: []);

        var result = await h.StartAsync(Parent());

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("run", result.Error!.ActivityId);
        Assert.Contains("'child' was not found", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingTheParent_CancelsTheSuspendedChild()
    {
        var child = Child(Act("wait", "WaitSignal"));
        var h = new Harness(children: [child]);
        var suspended = await h.StartAsync(Parent());

        var result = await h.Engine.CancelAsync(Parent(), suspended.State);

        Assert.Equal(WorkflowStatus.Cancelled, result.Status);
        Assert.Empty(result.State.Children);
        Assert.Contains(result.Journal, e => e.Event == JournalEvent.WorkflowCancelled && e.WorkflowInstanceId != "i-1");
    }
}
