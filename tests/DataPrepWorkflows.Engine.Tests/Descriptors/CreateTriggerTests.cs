using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;

namespace DataPrepWorkflows.Engine.Tests.Descriptors;

public sealed class CreateTriggerTests
{
    [Fact]
    public void CreateTrigger_BindsLiteralInputs_AndReturnsItsPayloads()
    {
        var trigger = new Harness().Engine.CreateTrigger(new TriggerDefinition("TestHook", [new("path", "/loans"), new("weight", 3)]));

        var payload = Assert.Single(trigger.GetTriggerPayloads());
        Assert.Equal("""{"path":"/loans","weight":3}""", payload.ToJsonString());
    }

    [Fact]
    public void CreateTrigger_OfAnActionType_IsRejectedWithItsCode()
    {
        var error = Assert.Throws<WorkflowDefinitionException>(() => new Harness().Engine.CreateTrigger(new TriggerDefinition("Record", [])));

        Assert.Equal("ENG012", error.Code);
    }

    [Fact]
    public void CreateTrigger_WithAWronglyTypedInput_NamesTheInput()
    {
        var error = Assert.Throws<WorkflowDefinitionException>(() => new Harness().Engine.CreateTrigger(
            new TriggerDefinition("TestHook", [new("weight", JsonValue.Create("heavy"))]) { Id = "hook" }));

        Assert.Equal("ENG013", error.Code);
        Assert.Contains("'weight'", error.Message, StringComparison.Ordinal);
    }
}
