using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Tests.Support;

/// <summary>Activities with known inputs and outcomes, so DSL tests do not depend on the built-in ones.</summary>
public static class TestActivities
{
    public static ActivityRegistry Registry { get; } =
        ActivityRegistry.FromTypes([typeof(TestGate), typeof(TestStep), typeof(TestLoop), typeof(TestSwitch), typeof(TestFileTrigger)]);
}

[Activity("TestGate", Category = "Test", Description = "Checks data against a ruleset.")]
[Outcomes("Passed", "Failed")]
public sealed class TestGate : CodeActivity
{
    [Input(Required = true, Description = "Path of the ruleset.", Order = 0)]
    public string Ruleset { get; set; } = "";

    [Input(AllowedValues = ["strict", "lenient"], DefaultJson = "\"strict\"", Description = "How strict.", Order = 1)]
    public string Mode { get; set; } = "strict";

    [Input(DefaultJson = "1000", Order = 2)]
    public int Rows { get; set; }

    [Input(Order = 3)]
    public double Threshold { get; set; }

    [Input(Order = 4)]
    public bool Enabled { get; set; }

    [Input(Order = 5)]
    public TimeSpan Wait { get; set; }

    [Input(AllowExpressions = false, Order = 6)]
    public string? Label { get; set; }

    [Input(Order = 7)]
    public JsonNode? Options { get; set; }

    [Output(Description = "Share of rules passed.")]
    public double Score { get; set; }

    protected override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

[Activity("TestStep", Category = "Test", Description = "Does nothing.")]
public sealed class TestStep : CodeActivity
{
    [Input]
    public string? Message { get; set; }

    protected override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

[Activity("TestLoop", Category = "Test", Description = "Runs its body per item.", HasBody = true)]
public sealed class TestLoop : CodeActivity
{
    [Input(Required = true)]
    public JsonArray Items { get; set; } = [];

    protected override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

[Activity("TestSwitch", Category = "Test", Description = "Outcomes named by the workflow.", DynamicOutcomes = true)]
public sealed class TestSwitch : CodeActivity
{
    [Input]
    public JsonNode? Cases { get; set; }

    protected override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

[Activity("TestFileTrigger", Category = "Test", Description = "A file lands in a bucket.")]
public sealed class TestFileTrigger : TriggerActivity
{
    [Input(Required = true)]
    public string Bucket { get; set; } = "";

    [Input]
    public string? Prefix { get; set; }

    public override IReadOnlyList<JsonNode> GetTriggerPayloads() => [];
}
