using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.EventBridge.Deployment;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>
/// A dry run's output: every request in the order it would be sent, each body exactly as the client would send it,
/// <c>[{"operation": "PutRule", "request": {…}}, {"operation": "PutTargets", "request": {…}}, …]</c>.
/// </summary>
internal static class DeployPlanJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(RuleDeploymentPlan plan)
    {
        var requests = new JsonArray();
        foreach (var rule in plan.Rules)
        {
            requests.Add(Request("PutRule", EventBridgeClient.RequestJson(rule.PutRule)));
            requests.Add(Request("PutTargets", EventBridgeClient.RequestJson(rule.PutTargets)));
        }

        return requests.ToJsonString(Indented);
    }

    private static JsonObject Request(string operation, string body) => new()
    {
        ["operation"] = operation,
        ["request"] = JsonNode.Parse(body),
    };
}
