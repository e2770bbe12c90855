using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class WorkflowInputTests
{
    private static WorkflowDefinition Typed() => Workflow("typed", Act("r", "Record", new { text = "=JSON.stringify(inputs)" })) with
    {
        Inputs =
        [
            new WorkflowInput("rows", "integer", JsonValue.Create(10), false, ""),
            new WorkflowInput("ratio", "number", null, false, ""),
            new WorkflowInput("dry", "boolean", JsonValue.Create(false), false, ""),
            new WorkflowInput("tags", "array", null, false, ""),
            new WorkflowInput("bucket", "string", null, true, ""),
        ],
    };

    [Fact]
    public async Task MissingInputs_TakeDefaults_AndStringsAreCoercedToDeclaredTypes()
    {
        var h = new Harness();

        var result = await h.StartAsync(Typed(), new JsonObject { ["ratio"] = "0.25", ["dry"] = "true", ["tags"] = "[\"a\"]", ["bucket"] = "raw" });

        Assert.Equal("""{"rows":10,"ratio":0.25,"dry":true,"tags":["a"],"bucket":"raw"}""", result.State.Inputs.ToJsonString());
        Assert.Equal("""r:{"rows":10,"ratio":0.25,"dry":true,"tags":["a"],"bucket":"raw"}""", Assert.Single(h.Recorder.Events));
    }

    [Fact]
    public async Task MissingRequiredInput_IsRejectedWithItsName()
    {
        var h = new Harness();

        var ex = await Assert.ThrowsAsync<WorkflowInputException>(() => h.StartAsync(Typed(), new JsonObject()));

        Assert.Equal("bucket", ex.InputName);
        Assert.Contains("--input bucket=", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputOfTheWrongType_IsRejectedWithWhatWasExpected()
    {
        var h = new Harness();

        var ex = await Assert.ThrowsAsync<WorkflowInputException>(() => h.StartAsync(Typed(), new JsonObject { ["bucket"] = "b", ["rows"] = "ten" }));

        Assert.Equal("rows", ex.InputName);
        Assert.Contains("must be integer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityInputs_AreCoercedToPropertyTypes_AndDefaultsApply()
    {
        var h = new Harness();
        var wf = Workflow("bind", Act("t", "Typed", new { count = "12", wait = "PT1M30S", tags = new[] { "x", "y" } }));

        var result = await h.StartAsync(wf);

        Assert.Equal("""{"count":12,"wait":90,"format":"csv","tags":["x","y"]}""", result.Activity("t").Outputs!["echo"]!.ToJsonString());
    }

    [Fact]
    public async Task ValueOutsideAllowedValues_IsAnInputError()
    {
        var h = new Harness();
        var wf = Workflow("allowed", Act("t", "Typed", new { format = "xlsx" }));

        var result = await h.StartAsync(wf);

        Assert.Equal(Activities.ActivityError.InputError, result.Error!.Error);
        Assert.Contains("not one of csv, parquet", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpressionScope_HasEnvWorkflowAndTrigger()
    {
        var h = new Harness(env: new JsonObject { ["stage"] = "prod" });
        var wf = Workflow("scope", Act("r", "Record", new { text = "${env.stage}/${workflow.id}/${workflow.instanceId}/${trigger.detail.key}" }));

        await h.Engine.StartAsync(wf, new WorkflowStartRequest { InstanceId = "i-9", Trigger = new JsonObject { ["detail"] = new JsonObject { ["key"] = "in/a.csv" } } });

        Assert.Equal(["r:prod/scope/i-9/in/a.csv"], h.Recorder.Events);
    }
}
