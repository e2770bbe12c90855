using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Control;

public sealed class VariablesAndEndingsTests
{
    [Fact]
    public async Task SetVariable_InABody_WritesTheWorkflowVariable_WhenTheBodyDoesNotDeclareIt()
    {
        var h = new Harness();
        var wf = Workflow("vars",
            Act("each", "ForEach", new { items = new[] { 1, 2, 3 } }, "after")
                .WithBody(Act("add", "SetVariable", new { name = "total", value = "=variables.total + item" })),
            Act("after", "Record", new { text = "=String(variables.total)" })) with
        {
            Variables = [new VariableDefinition("total", "integer", JsonValue.Create(100))],
        };

        var result = await h.StartAsync(wf);

        Assert.Equal(["after:106"], h.Recorder.Events);
        Assert.Equal("106", result.State.Scopes["root"].Variables["total"]!.ToJsonString());
    }

    [Fact]
    public async Task VariableInitialValues_MayBeExpressionsOverInputs()
    {
        var h = new Harness();
        var wf = Workflow("init", Act("r", "Record", new { text = "=variables.target" })) with
        {
            Inputs = [new WorkflowInput("bucket", "string", JsonValue.Create("raw"), false, "")],
            Variables = [new VariableDefinition("target", "string", JsonValue.Create("s3://${inputs.bucket}/clean/"))],
        };

        await h.StartAsync(wf);

        Assert.Equal(["r:s3://raw/clean/"], h.Recorder.Events);
    }

    [Fact]
    public async Task Finish_EndsTheWorkflowAtOnce_WithItsOutputs_AndCancelsOtherBranches()
    {
        var h = new Harness();
        var wf = Workflow("finish",
            Act("start", "Noop", null, "wait", "done"),
            Act("wait", "WaitSignal", null, "never"),
            Act("done", "Finish", new { outputs = new { status = "=\"early\"" } }, "never"),
            Act("never", "Record")) with
        {
            Outputs = [new WorkflowOutput("status", JsonValue.Create("declared")), new WorkflowOutput("other", JsonValue.Create("=1 + 1"))],
        };

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("""{"status":"early","other":2}""", result.Outputs.ToJsonString());
        Assert.Equal(ActivityStatus.Cancelled, result.Activity("wait").Status);
        Assert.Empty(h.Recorder.Events);
        Assert.Empty(result.Bookmarks);
    }

    [Fact]
    public async Task Fail_FaultsWithItsErrorName()
    {
        var h = new Harness();
        var wf = Workflow("fail", Act("stop", "Fail", new { error = "Data.Empty", cause = "=\"no rows in \" + inputs.file" }));

        var result = await h.StartAsync(wf, new JsonObject { ["file"] = "a.csv" });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(new Activities.ActivityError("Data.Empty", "no rows in a.csv", "stop"), result.Error);
    }

    [Fact]
    public async Task WorkflowOutputs_AreEvaluatedWhenTheWorkflowFinishes()
    {
        var h = new Harness();
        var wf = Workflow("outputs", Act("r", "Record", new { text = "hello" })) with
        {
            Outputs = [new WorkflowOutput("greeting", JsonValue.Create("=activities.r.output.value + ' ' + workflow.id"))],
        };

        var result = await h.StartAsync(wf);

        Assert.Equal("hello outputs", result.Outputs["greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delay_Until_WaitsForThatTime_AndAPastTimeDoesNotWait()
    {
        var h = new Harness();
        var at = h.Clock.GetUtcNow().AddHours(2);
        var wf = Workflow("until",
            Act("later", "Delay", new { until = at.ToString("O") }, "past"),
            Act("past", "Delay", new { until = "2000-01-01T00:00:00Z" }, "r"),
            Act("r", "Record"));

        var suspended = await h.StartAsync(wf);
        Assert.Equal(at, suspended.State.NextTimerDue());
        Assert.Equal(at, suspended.Journal.Single(e => e.Event == JournalEvent.Suspended).ResumeAt);

        h.Clock.AdvanceTo(at);
        var result = await h.Engine.RunDueTimersAsync(wf, suspended.State);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(["r"], h.Recorder.Events);
    }

    [Fact]
    public async Task Runner_DrivesDelaysOnTheClock_WithoutSleeping()
    {
        var h = new Harness();
        h.Clock.AutoAdvance = true;
        var start = h.Clock.GetUtcNow();
        var wf = Workflow("runner",
            Act("one", "Delay", new { duration = "PT5M" }, "two"),
            Act("two", "Delay", new { duration = "PT1H" }, "r"),
            Act("r", "Record"));

        var result = await new WorkflowRunner(h.Engine).RunAsync(wf).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(start.AddMinutes(65), h.Clock.GetUtcNow());
        Assert.Equal(2, result.Journal.Count(e => e.Event == JournalEvent.WorkflowSuspended));
    }
}
