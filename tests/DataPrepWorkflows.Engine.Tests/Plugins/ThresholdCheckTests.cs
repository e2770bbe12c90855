using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Plugins;

/// <summary>The plugin guide's example, end to end: discovered from its assembly, described, run.</summary>
public sealed class ThresholdCheckTests
{
    private static Definitions.WorkflowDefinition Gate(object inputs) => Workflow("gate",
        Act("check", "ThresholdCheck", inputs, "Passed:publish", "Failed:quarantine").Catching("alert", "Quality.BelowThreshold"),
        Act("publish", "Record"),
        Act("quarantine", "Record"),
        Act("alert", "Record"));

    [Fact]
    public void IsDiscoveredFromItsAssembly_WithADescriptor()
    {
        var registry = ActivityRegistry.WithBuiltIns(typeof(ThresholdCheck).Assembly);

        var descriptor = registry.Find("ThresholdCheck")!;

        Assert.Equal("Quality", descriptor.Category);
        Assert.Equal(["Passed", "Failed"], descriptor.Outcomes);
        Assert.Equal(["value", "minimum", "failHard"], descriptor.Inputs.Select(i => i.Name));
        Assert.Equal("number", descriptor.FindInput("value")!.Type);
        Assert.True(descriptor.FindInput("value")!.Required);
        Assert.Equal(0.95, descriptor.FindInput("minimum")!.DefaultValue!.GetValue<double>());
        Assert.Equal("margin", Assert.Single(descriptor.Outputs).Name);
    }

    [Theory]
    [InlineData(0.97, "publish", 0.02)]
    [InlineData(0.90, "quarantine", -0.05)]
    public async Task FollowsPassedOrFailed_WithTheMargin(double value, string expected, double margin)
    {
        var h = new Harness();

        var result = await h.StartAsync(Gate(new { value = "=inputs.score" }), new JsonObject { ["score"] = value });

        Assert.Equal([expected], h.Recorder.Events);
        Assert.Equal(margin, result.Activity("check").Outputs!["margin"]!.GetValue<double>());
    }

    [Fact]
    public async Task FailHard_FaultsWithANamedErrorThatCatchMatches()
    {
        var h = new Harness();

        await h.StartAsync(Gate(new { value = 0.5, failHard = true }));

        Assert.Equal(["alert"], h.Recorder.Events);
    }
}
