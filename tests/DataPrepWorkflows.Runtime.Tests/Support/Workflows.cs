using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Runtime.Tests.Support;

/// <summary>Workflow files for the runtime tests, in the DSL's own JSON.</summary>
public static class Workflows
{
    /// <summary>A chain of activities: each entry is (id, type, inputs); the first starts, each points to the next.</summary>
    public static JsonObject Chain(string id, params (string Id, string Type, JsonObject? Inputs)[] steps)
    {
        var activities = new JsonArray();
        for (var i = 0; i < steps.Length; i++)
        {
            var (activityId, type, inputs) = steps[i];
            var node = new JsonObject { ["id"] = activityId, ["type"] = type };
            if (inputs is not null)
            {
                node["inputs"] = inputs;
            }

            if (i + 1 < steps.Length)
            {
                node["next"] = steps[i + 1].Id;
            }

            activities.Add(node);
        }

        return new JsonObject { ["id"] = id, ["version"] = 1, ["name"] = id, ["activities"] = activities };
    }

    public static JsonObject Text(string text) => new() { ["text"] = text };
}
