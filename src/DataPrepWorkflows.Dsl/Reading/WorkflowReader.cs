using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>
/// Turns the JSON object of a workflow file into a <see cref="WorkflowDefinition"/>. Values of the wrong shape are
/// reported and left at their defaults so that one pass finds every problem; unknown properties are kept.
/// </summary>
internal sealed class WorkflowReader
{
    private static readonly string[] WorkflowKeys = ["id", "version", "name", "description", "inputs", "outputs", "variables", "concurrency", "triggers", "activities"];

    private readonly ActivityRegistry? _registry;
    private readonly List<Diagnostic> _diagnostics = [];

    private WorkflowReader(ActivityRegistry? registry) => _registry = registry;

    public static (WorkflowDefinition Definition, IReadOnlyList<Diagnostic> Diagnostics) Read(JsonObject root, ActivityRegistry? registry)
    {
        var reader = new WorkflowReader(registry);
        var definition = reader.ReadWorkflow(root);
        return (definition, reader._diagnostics);
    }

    private WorkflowDefinition ReadWorkflow(JsonObject root)
    {
        var version = 0;
        if (root["version"] is { } versionNode)
        {
            if (JsonShape.TryInteger(versionNode, out var v) && v is > 0 and <= int.MaxValue)
            {
                version = (int)v;
            }
            else
            {
                Error(DiagnosticCodes.WrongPropertyType, "/version", $"'version' must be a positive integer such as 1; found {JsonShape.Describe(versionNode)}. Raise it by one on each published change.");
            }
        }

        return new WorkflowDefinition
        {
            Id = String(root, "id", "", "the workflow id"),
            Version = version,
            Name = String(root, "name", "", "the workflow name"),
            Description = String(root, "description", "", "the workflow description"),
            Inputs = Named(root, "inputs", ReadInput),
            Outputs = Named(root, "outputs", (name, node, _) => new WorkflowOutput(name, node?.DeepClone())),
            Variables = Named(root, "variables", ReadVariable),
            Concurrency = ConcurrencyReader.Read(root["concurrency"], "/concurrency", _diagnostics),
            Triggers = Items(root, "", "triggers", ReadTrigger),
            Activities = Items(root, "", "activities", ReadActivity),
            Unknown = Unknown(root, "", WorkflowKeys, "workflow"),
        };
    }

    private WorkflowInput? ReadInput(string name, JsonNode? node, string path)
    {
        if (node is not JsonObject o)
        {
            Error(DiagnosticCodes.InvalidDeclaration, path, $"Workflow input '{name}' must be an object such as {{\"type\": \"string\", \"description\": \"…\"}}; found {JsonShape.Describe(node)}.");
            return null;
        }

        var required = false;
        if (o["required"] is { } requiredNode && !JsonShape.TryBoolean(requiredNode, out required))
        {
            Error(DiagnosticCodes.WrongPropertyType, path + "/required", $"'required' of workflow input '{name}' must be true or false; found {JsonShape.Describe(requiredNode)}.");
        }

        return new WorkflowInput(
            name,
            String(o, "type", InputTypes.Any, $"the type of workflow input '{name}'", path),
            o["default"]?.DeepClone(),
            required,
            String(o, "description", "", $"the description of workflow input '{name}'", path))
        {
            Unknown = Unknown(o, path, ["type", "default", "required", "description"], $"workflow input '{name}'"),
        };
    }

    private VariableDefinition? ReadVariable(string name, JsonNode? node, string path)
    {
        if (node is not JsonObject o)
        {
            Error(DiagnosticCodes.InvalidDeclaration, path, $"Variable '{name}' must be an object such as {{\"type\": \"integer\", \"value\": 0}}; found {JsonShape.Describe(node)}.");
            return null;
        }

        return new VariableDefinition(name, String(o, "type", InputTypes.Any, $"the type of variable '{name}'", path), o["value"]?.DeepClone())
        {
            Unknown = Unknown(o, path, ["type", "value"], $"variable '{name}'"),
        };
    }

    private TriggerDefinition? ReadTrigger(JsonNode? node, string path)
    {
        if (node is not JsonObject o)
        {
            Error(DiagnosticCodes.WrongPropertyType, path, $"A trigger must be an object such as {{\"type\": \"S3ObjectCreated\", \"bucket\": \"raw\"}}; found {JsonShape.Describe(node)}.");
            return null;
        }

        // Everything besides type and id is the trigger's inputs, written as sibling properties.
        var inputs = o.Where(p => p.Key is not ("type" or "id"))
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))
            .ToList();
        return new TriggerDefinition(String(o, "type", "", "the trigger type", path), inputs)
        {
            Id = o.ContainsKey("id") ? String(o, "id", "", "the trigger id", path) : null,
        };
    }

    private ActivityNode? ReadActivity(JsonNode? node, string path)
    {
        if (node is not JsonObject o)
        {
            Error(DiagnosticCodes.WrongPropertyType, path, $"An activity must be an object with 'id' and 'type'; found {JsonShape.Describe(node)}.");
            return null;
        }

        var id = String(o, "id", "", "the activity id", path);
        var type = String(o, "type", "", $"the type of activity '{id}'", path);
        var who = id.Length > 0 ? $"activity '{id}'" : "an activity";
        return new ActivityNode
        {
            Id = id,
            Type = type,
            Description = o.ContainsKey("description") ? String(o, "description", "", $"the description of {who}", path) : null,
            Inputs = ReadInputs(o, path, who),
            Body = Items(o, path, "body", ReadActivity),
            Timeout = ReadTimeout(o, path, who),
            Retry = Items(o, path, "retry", (n, p) => RetryReader.Read(n, p, who, _diagnostics)),
            Catch = Items(o, path, "catch", (n, p) => RetryReader.ReadCatcher(n, p, who, _diagnostics)),
            Next = ReadNext(o["next"], path + "/next", who, DefaultOutcome(type)),
            Unknown = Unknown(o, path, ["id", "type", "description", "inputs", "body", "timeout", "retry", "catch", "next"], who),
        };
    }

    private string DefaultOutcome(string type) =>
        _registry?.Find(type) is { Outcomes.Count: > 0 } descriptor ? descriptor.Outcomes[0] : Engine.Activities.OutcomesAttribute.Done;

    private List<KeyValuePair<string, JsonNode?>> ReadInputs(JsonObject o, string path, string who)
    {
        if (!o.TryGetPropertyValue("inputs", out var node) || node is null)
        {
            return [];
        }

        if (node is not JsonObject inputs)
        {
            Error(DiagnosticCodes.WrongPropertyType, path + "/inputs", $"'inputs' of {who} must be an object of input name → value; found {JsonShape.Describe(node)}.");
            return [];
        }

        return inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList();
    }

    private TimeSpan? ReadTimeout(JsonObject o, string path, string who)
    {
        if (!o.TryGetPropertyValue("timeout", out var node) || node is null)
        {
            return null;
        }

        if (JsonShape.TryString(node, out var text) && IsoDuration.TryParse(text, out var timeout) && timeout > TimeSpan.Zero)
        {
            return timeout;
        }

        Error(DiagnosticCodes.BadTimeout, path + "/timeout", $"'timeout' of {who} must be a positive ISO 8601 duration such as \"PT10M\" (10 minutes) or \"PT30S\"; found {Quote(node)}.");
        return null;
    }

    private List<Edge> ReadNext(JsonNode? node, string path, string who, string defaultOutcome)
    {
        var edges = new List<Edge>();
        switch (node)
        {
            case null:
                break;
            case JsonObject byOutcome:
                foreach (var (outcome, targets) in byOutcome)
                {
                    AddTargets(edges, outcome, targets, $"{path}/{ValueSyntax.EscapePointerSegment(outcome)}", who);
                }

                break;
            default:
                AddTargets(edges, defaultOutcome, node, path, who);
                break;
        }

        return edges;
    }

    private void AddTargets(List<Edge> edges, string outcome, JsonNode? targets, string path, string who)
    {
        if (JsonShape.TryString(targets, out var single))
        {
            edges.Add(new Edge(outcome, single));
            return;
        }

        if (targets is JsonArray array && array.All(t => JsonShape.TryString(t, out _)))
        {
            edges.AddRange(array.Select(t => new Edge(outcome, t!.GetValue<string>())));
            return;
        }

        Error(DiagnosticCodes.WrongPropertyType, path, $"'next' of {who} must be an activity id, an array of ids, or an object of outcome → id(s); found {JsonShape.Describe(targets)}.");
    }

    private List<T> Items<T>(JsonObject o, string path, string key, Func<JsonNode?, string, T?> read)
        where T : class
    {
        if (!o.TryGetPropertyValue(key, out var node) || node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            Error(DiagnosticCodes.WrongPropertyType, $"{path}/{key}", $"'{key}' must be an array; found {JsonShape.Describe(node)}.");
            return [];
        }

        var items = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (read(array[i], $"{path}/{key}/{i}") is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private List<T> Named<T>(JsonObject root, string key, Func<string, JsonNode?, string, T?> read)
    {
        if (!root.TryGetPropertyValue(key, out var node) || node is null)
        {
            return [];
        }

        if (node is not JsonObject o)
        {
            Error(DiagnosticCodes.WrongPropertyType, "/" + key, $"'{key}' must be an object of name → declaration; found {JsonShape.Describe(node)}.");
            return [];
        }

        var items = new List<T>();
        foreach (var (name, value) in o)
        {
            if (read(name, value, $"/{key}/{ValueSyntax.EscapePointerSegment(name)}") is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private string String(JsonObject o, string key, string fallback, string what, string path = "")
    {
        if (!o.TryGetPropertyValue(key, out var node))
        {
            return fallback;
        }

        if (JsonShape.TryString(node, out var value))
        {
            return value;
        }

        Error(DiagnosticCodes.WrongPropertyType, $"{path}/{key}", $"'{key}' ({what}) must be a string; found {JsonShape.Describe(node)}.");
        return fallback;
    }

    private JsonObject? Unknown(JsonObject o, string path, string[] known, string who)
    {
        JsonObject? unknown = null;
        foreach (var (key, value) in o)
        {
            if (known.Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            unknown ??= [];
            unknown[key] = value?.DeepClone();
            if (key != "$schema")
            {
                var hint = Suggestions.Hint(key, known);
                _diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Warning,
                    DiagnosticCodes.UnknownProperty,
                    $"{Capitalize(who)} has a property '{key}' this version does not know; it is kept as is but has no effect.{hint}",
                    $"{path}/{ValueSyntax.EscapePointerSegment(key)}"));
            }
        }

        return unknown;
    }

    private void Error(string code, string path, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, path));

    private static string Quote(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
