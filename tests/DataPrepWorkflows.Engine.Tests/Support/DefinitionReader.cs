using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Engine.Tests.Support;

/// <summary>
/// A tiny JSON → <see cref="WorkflowDefinition"/> reader for scenario files, in the shape of the workflow DSL
/// (<c>next</c> as a target, or an object of outcome → target(s)). The engine tests do not depend on the DSL project.
/// </summary>
public static class DefinitionReader
{
    public static WorkflowDefinition Read(JsonObject json) => new()
    {
        Id = (string)json["id"]!,
        Version = (int?)json["version"] ?? 1,
        Name = (string?)json["name"] ?? (string)json["id"]!,
        Inputs = Pairs(json["inputs"]).Select(p => new WorkflowInput(
            p.Key, (string?)p.Value?["type"] ?? "any", p.Value?["default"]?.DeepClone(), (bool?)p.Value?["required"] ?? false, "")).ToList(),
        Variables = Pairs(json["variables"]).Select(p => new VariableDefinition(p.Key, "any", p.Value?.DeepClone())).ToList(),
        Outputs = Pairs(json["outputs"]).Select(p => new WorkflowOutput(p.Key, p.Value?.DeepClone())).ToList(),
        Activities = Activities(json["activities"]),
    };

    private static List<ActivityNode> Activities(JsonNode? node) =>
        node?.AsArray().Select(a => Activity(a!.AsObject())).ToList() ?? [];

    private static ActivityNode Activity(JsonObject a) => new()
    {
        Id = (string)a["id"]!,
        Type = (string)a["type"]!,
        Inputs = Pairs(a["inputs"]).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList(),
        Next = Edges(a["next"]),
        Retry = a["retry"]?.AsArray().Select(r => new Retrier(
            Strings(r!["errorEquals"]),
            (int?)r["intervalSeconds"] ?? 1,
            (int?)r["maxAttempts"] ?? 3,
            (double?)r["backoffRate"] ?? 2.0,
            (int?)r["maxDelaySeconds"],
            (string?)r["jitterStrategy"] == "FULL" ? JitterStrategy.Full : JitterStrategy.None)).ToList() ?? [],
        Catch = a["catch"]?.AsArray().Select(c => new Catcher(Strings(c!["errorEquals"]), (string)c["next"]!)).ToList() ?? [],
        Timeout = a["timeout"] is { } t ? System.Xml.XmlConvert.ToTimeSpan((string)t!) : null,
        Body = Activities(a["body"]),
    };

    private static List<Edge> Edges(JsonNode? next) => next switch
    {
        null => [],
        JsonValue v => [new Edge("Done", (string)v!)],
        JsonArray many => many.Select(t => new Edge("Done", (string)t!)).ToList(),
        JsonObject o => o.SelectMany(p => p.Value is JsonArray many
            ? many.Select(t => new Edge(p.Key, (string)t!))
            : [new Edge(p.Key, (string)p.Value!)]).ToList(),
        _ => throw new FormatException("next must be a string or an object"),
    };

    private static List<string> Strings(JsonNode? node) => node!.AsArray().Select(s => (string)s!).ToList();

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Pairs(JsonNode? node) =>
        node is JsonObject o ? o.ToList() : [];
}
