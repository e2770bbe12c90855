using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>
/// Reads and writes the workflow's <c>concurrency</c>: <c>{"limit": 1, "behavior": "allow"|"queue"|"skip"|"cancel"}</c>
/// (Kestra's shape). Shape errors are DPW031.
/// </summary>
internal static class ConcurrencyReader
{
    private static readonly string[] Behaviors = ["allow", "queue", "skip", "cancel"];

    public static WorkflowConcurrency? Read(JsonNode? node, string path, List<Diagnostic> diagnostics)
    {
        void Fail(string at, string message) =>
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidConcurrency, message, at));

        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject o)
        {
            Fail(path, $"'concurrency' must be an object such as {{\"limit\": 1, \"behavior\": \"queue\"}}; found {JsonShape.Describe(node)}.");
            return null;
        }

        var failed = false;
        foreach (var (key, _) in o)
        {
            if (key is not ("limit" or "behavior"))
            {
                Fail($"{path}/{key}", $"'concurrency' has an unknown property '{key}'; it takes limit and behavior.");
                failed = true;
            }
        }

        var limit = 1;
        if (o["limit"] is { } limitNode)
        {
            if (JsonShape.TryInteger(limitNode, out var l) && l is >= 1 and <= 10_000)
            {
                limit = (int)l;
            }
            else
            {
                Fail(path + "/limit", $"'concurrency.limit' must be an integer from 1 to 10000 (the most runs active at once); found {JsonShape.Describe(limitNode)}.");
                failed = true;
            }
        }

        var behavior = ConcurrencyBehavior.Queue;
        if (o["behavior"] is { } behaviorNode)
        {
            if (JsonShape.TryString(behaviorNode, out var text) && Array.IndexOf(Behaviors, text) is var index and >= 0)
            {
                behavior = (ConcurrencyBehavior)index;
            }
            else
            {
                Fail(path + "/behavior", $"'concurrency.behavior' must be \"allow\", \"queue\", \"skip\" or \"cancel\"; found {JsonShape.Describe(behaviorNode)} {behaviorNode.ToJsonString()}.{Suggestions.Hint(text, Behaviors)}");
                failed = true;
            }
        }

        return failed ? null : new WorkflowConcurrency(limit, behavior);
    }

    public static JsonObject ToJson(WorkflowConcurrency concurrency) => new()
    {
        ["limit"] = concurrency.Limit,
        ["behavior"] = Behaviors[(int)concurrency.Behavior],
    };
}
