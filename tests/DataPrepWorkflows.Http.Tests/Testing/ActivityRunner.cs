using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Http.Requests;

namespace DataPrepWorkflows.Http.Tests.Testing;

/// <summary>Runs one activity in a one-activity workflow through the real engine and returns its state.</summary>
internal static class ActivityRunner
{
    public static ActivityRegistry Registry { get; } = ActivityRegistry.WithBuiltIns(typeof(SendHttpRequest).Assembly);

    public static JintExpressionEngine Expressions { get; } = new();

    public static async Task<ActivityState> RunAsync(string type, JsonObject inputs, TimeProvider? clock = null)
    {
        var json = new JsonObject
        {
            ["id"] = "one-step",
            ["version"] = 1,
            ["name"] = "one step",
            ["description"] = "Runs one activity.",
            ["activities"] = new JsonArray(new JsonObject { ["id"] = "step", ["type"] = type, ["inputs"] = inputs }),
        };
        var read = DataPrepWorkflows.Dsl.Reading.WorkflowFile.Read(json.ToJsonString(), Registry);
        Assert.False(read.HasErrors, string.Join("; ", read.Diagnostics));
        var definition = read.Definition!;
        var engine = new WorkflowEngine(Registry, Expressions, new WorkflowEngineOptions { TimeProvider = clock ?? TimeProvider.System });
        var result = await engine.StartAsync(definition, new WorkflowStartRequest { InstanceId = "i-1" });
        return result.State.Scopes["root"].Activities["step"];
    }
}
