using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.EventBridge.Deployment;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>
/// A dry run's output: every request in the order <c>--apply</c> sends it, each body exactly as the client sends it,
/// then one <c>DeleteRule</c> per stale rule (its targets are removed first with <c>RemoveTargets</c>):
/// <c>{"eventBus": "default", "requests": [{"operation": "PutRule", "request": {…}}, …], "delete": ["dataprep-old-1"]}</c>.
/// <c>delete</c> is <c>null</c> when the bus was not read (<c>--offline</c>).
/// </summary>
internal static class DeployPlanJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(RuleDeploymentPlan plan, string eventBus, IReadOnlyList<string>? stale)
    {
        var requests = new JsonArray();
        foreach (var rule in plan.Rules)
        {
            requests.Add(Request("PutRule", JsonNode.Parse(EventBridgeClient.RequestJson(rule.PutRule))));
            requests.Add(Request("PutTargets", JsonNode.Parse(EventBridgeClient.RequestJson(rule.PutTargets))));
        }

        foreach (var name in stale ?? [])
        {
            requests.Add(Request("DeleteRule", new JsonObject { ["Name"] = name, ["EventBusName"] = eventBus }));
        }

        var delete = stale is null ? null : new JsonArray([.. stale.Select(name => (JsonNode?)JsonValue.Create(name))]);
        return new JsonObject { ["eventBus"] = eventBus, ["requests"] = requests, ["delete"] = delete }.ToJsonString(Indented);
    }

    private static JsonObject Request(string operation, JsonNode? body) => new()
    {
        ["operation"] = operation,
        ["request"] = body,
    };
}
