using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Activities.Tests.Fixtures;

public static class RunResults
{
    /// <summary>The outputs of the activity <paramref name="id"/>, failing the test with the run's error when it has none.</summary>
    public static JsonObject Outputs(this WorkflowRunResult result, string id = "step")
    {
        var activity = result.State.Scopes["root"].Activities[id];
        return activity.Outputs ?? throw new Xunit.Sdk.XunitException($"'{id}' has no outputs; run {result.Status}, error {result.Error?.Error}: {result.Error?.Cause}");
    }

    public static int Int(this JsonObject outputs, string name) => outputs[name]!.GetValue<int>();

    /// <summary>Messages the activities logged into the journal.</summary>
    public static List<string> Logs(this WorkflowRunResult result) =>
        result.Journal.Where(e => e.Event == JournalEvent.Log).Select(e => e.Message ?? "").ToList();
}
