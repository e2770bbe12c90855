using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Engine.Tests.Support;

/// <summary>Terse C# builders for workflow definitions (the engine tests do not depend on the DSL project).</summary>
public static class Flow
{
    public static WorkflowDefinition Workflow(string id, params ActivityNode[] activities) =>
        new() { Id = id, Version = 1, Name = id, Activities = activities };

    /// <summary>An activity; <paramref name="next"/> is "target" or "Outcome:target" items.</summary>
    public static ActivityNode Act(string id, string type, object? inputs = null, params string[] next) => new()
    {
        Id = id,
        Type = type,
        Inputs = ToInputs(inputs),
        Next = next.Select(ParseEdge).ToList(),
    };

    public static ActivityNode With(this ActivityNode node, Retrier retrier) => node with { Retry = [.. node.Retry, retrier] };

    public static ActivityNode Catching(this ActivityNode node, string next, params string[] errors) =>
        node with { Catch = [.. node.Catch, new Catcher(errors.Length == 0 ? ["States.ALL"] : errors, next)] };

    public static ActivityNode TimeoutAfter(this ActivityNode node, TimeSpan timeout) => node with { Timeout = timeout };

    public static ActivityNode WithBody(this ActivityNode node, params ActivityNode[] body) => node with { Body = body };

    public static IReadOnlyList<KeyValuePair<string, JsonNode?>> ToInputs(object? inputs) => inputs switch
    {
        null => [],
        JsonObject o => o.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList(),
        _ => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(inputs))!.AsObject()
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList(),
    };

    private static Edge ParseEdge(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new Edge("Done", text) : new Edge(text[..colon], text[(colon + 1)..]);
    }
}
