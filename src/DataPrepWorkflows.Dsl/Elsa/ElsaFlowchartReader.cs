using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Validation.Structure;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Reads Elsa flowcharts and sequences into the <c>activities</c> arrays of our file format (ids made kebab-case and
/// unique, connections turned into <c>next</c>, Elsa types mapped back), collecting triggers, layout and diagnostics.
/// </summary>
internal sealed class ElsaFlowchartReader(ActivityRegistry? registry, bool foreign, IReadOnlyDictionary<string, string> variablesById, List<Diagnostic> diagnostics)
{
    private static readonly string[] WorkflowAsActivityKeys = ["workflowDefinitionId", "workflowDefinitionVersionId", "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId"];

    private readonly HashSet<string> _usedIds = new(StringComparer.Ordinal);

    /// <summary>Triggers found among the top-level nodes, in our format.</summary>
    public JsonArray Triggers { get; } = [];

    /// <summary>Designer positions by our activity id, in file order.</summary>
    public Dictionary<string, LayoutPosition> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>Our activities for an Elsa container (<c>Elsa.Flowchart</c>, <c>Elsa.Sequence</c>, or a single activity as a body).</summary>
    public JsonArray Container(JsonObject container, string path, bool topLevel)
    {
        var type = ElsaDeclarations.String(container["type"]);
        var elsaActivities = (container["activities"] as JsonArray ?? []).OfType<JsonObject>().Select((a, i) => (Activity: a, Path: $"{path}/activities/{i}")).ToList();
        List<ElsaConnections.Connection> connections;
        switch (type)
        {
            case "Elsa.Flowchart":
                connections = ElsaConnections.Read(container["connections"], path + "/connections");
                break;
            case "Elsa.Sequence":
                connections = elsaActivities.Zip(elsaActivities.Skip(1), (a, b) => new ElsaConnections.Connection(Id(a.Activity), "Done", Id(b.Activity), path)).ToList();
                break;
            default:
                if (!topLevel && type is not null)
                {
                    // A body that is one activity: a flowchart of one.
                    elsaActivities = [(container, path)];
                    connections = [];
                    break;
                }

                Report(DiagnosticSeverity.Error, ElsaDiagnosticCodes.UnsupportedContainer, path + "/type", $"The root activity is '{type ?? "missing"}'; only Elsa.Flowchart and Elsa.Sequence roots can be imported. Open the workflow in Elsa Studio and save it with a Flowchart root.");
                return [];
        }

        // Ids first, so that connections and catch targets resolve whatever their order.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (activity, _) in elsaActivities)
        {
            ids[Id(activity)] = NewId(activity);
        }

        var result = new List<(JsonObject Ours, string ElsaId)>();
        var triggerIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (activity, at) in elsaActivities)
        {
            if (topLevel && IsTrigger(activity))
            {
                Triggers.Add(Trigger(activity, at, ids[Id(activity)]));
                triggerIds.Add(Id(activity));
                continue;
            }

            result.Add((Activity(activity, at, ids[Id(activity)]), Id(activity)));
        }

        foreach (var group in connections.Where(c => !triggerIds.Contains(c.Source)).GroupBy(c => c.Source, StringComparer.Ordinal))
        {
            var source = result.FirstOrDefault(r => r.ElsaId == group.Key).Ours;
            var next = new JsonObject();
            foreach (var connection in group)
            {
                if (source is null || !ids.TryGetValue(connection.Target, out var target) || triggerIds.Contains(connection.Target))
                {
                    Report(DiagnosticSeverity.Warning, ElsaDiagnosticCodes.DanglingConnection, connection.Path, $"The connection from '{connection.Source}' ({connection.Port}) to '{connection.Target}' names an activity that is not in this flowchart; it is left out.");
                    continue;
                }

                var targets = next[connection.Port] as JsonArray ?? [];
                targets.Add(target);
                next[connection.Port] = targets;
            }

            if (source is not null && next.Count > 0)
            {
                source["next"] = next;
            }
        }

        return new JsonArray(result.Select(r => (JsonNode)r.Ours).ToArray());
    }

    private JsonObject Activity(JsonObject activity, string path, string id)
    {
        var elsaType = ElsaDeclarations.String(activity["type"]) ?? "";
        var custom = activity["customProperties"] as JsonObject;
        var ours = new JsonObject { ["id"] = id };
        var type = ElsaActivityTypes.FromElsa(elsaType);
        var skip = new HashSet<string>(ElsaKeys.ActivityMembers, StringComparer.Ordinal);
        if (type is null && activity.ContainsKey("workflowDefinitionId"))
        {
            type = "RunWorkflow";
            skip.UnionWith(WorkflowAsActivityKeys);
            Report(DiagnosticSeverity.Warning, ElsaDiagnosticCodes.WorkflowAsActivity, path + "/type", $"Activity {Who(activity, id)} runs the Elsa workflow '{elsaType}' (definition {ElsaDeclarations.String(activity["workflowDefinitionId"])}); it is imported as RunWorkflow of workflow '{Ids.Suggest(elsaType)}'. Import that workflow too, or change the id.");
        }
        else if (type is null)
        {
            type = elsaType;
            Report(DiagnosticSeverity.Error, ElsaDiagnosticCodes.UnknownElsaActivity, path + "/type", $"Activity {Who(activity, id)} has the Elsa type '{elsaType}', which has no DataPrepWorkflows equivalent; replace it with one of ours (dataprep activities) or write a plugin activity of type '{elsaType.Split('.').Last()}' and export it as '{ElsaActivityTypes.Namespace}{elsaType.Split('.').Last()}'.");
        }

        ours["type"] = type;
        if (activity["metadata"] is JsonObject metadata)
        {
            if (ElsaDeclarations.String(metadata["description"]) is { } description)
            {
                ours["description"] = description;
            }

            if (metadata["designer"] is JsonObject { } designer && designer["position"] is JsonObject p
                && WorkflowLayout.Number(p["x"]) is { } x && WorkflowLayout.Number(p["y"]) is { } y)
            {
                Positions[id] = new LayoutPosition(x, y);
            }
        }

        var inputs = Inputs(activity, path, id, type, custom, skip);
        if (type == "RunWorkflow" && skip.Contains("workflowDefinitionId"))
        {
            inputs = new JsonObject { ["workflow"] = Ids.Suggest(elsaType), ["version"] = activity["version"]?.DeepClone(), ["inputs"] = inputs };
        }

        if (inputs.Count > 0)
        {
            ours["inputs"] = inputs;
        }

        if (activity["body"] is JsonObject body)
        {
            ours["body"] = Container(body, path + "/body", topLevel: false);
        }

        foreach (var (key, name) in new[] { (ElsaKeys.Timeout, "timeout"), (ElsaKeys.Retry, "retry"), (ElsaKeys.Catch, "catch") })
        {
            if (custom?[key] is { } value)
            {
                ours[name] = value.DeepClone();
            }
        }

        AddUnknown(ours, custom);
        return ours;
    }

    private JsonObject Trigger(JsonObject activity, string path, string id)
    {
        var custom = activity["customProperties"] as JsonObject;
        var type = ElsaActivityTypes.FromElsa(ElsaDeclarations.String(activity["type"]) ?? "") ?? "";
        var ours = new JsonObject { ["type"] = type };
        var declared = custom?[ElsaKeys.Trigger] is JsonObject marker ? marker["id"] : JsonValue.Create(id);
        if (declared is not null)
        {
            ours["id"] = declared.DeepClone();
        }

        foreach (var (name, value) in Inputs(activity, path, id, type, custom, new HashSet<string>(ElsaKeys.ActivityMembers, StringComparer.Ordinal)))
        {
            ours[name] = value?.DeepClone();
        }

        AddUnknown(ours, custom);
        return ours;
    }

    private JsonObject Inputs(JsonObject activity, string path, string id, string type, JsonObject? custom, HashSet<string> skip)
    {
        var inputs = new JsonObject();
        var originals = custom?[ElsaKeys.Inputs] as JsonObject;
        var descriptor = registry?.Find(type);
        foreach (var (property, value) in activity)
        {
            var at = $"{path}/{ValueSyntax.EscapePointerSegment(property)}";
            if (skip.Contains(property) || (property == "body" && value is JsonObject) || ElsaInputs.IsUnset(value))
            {
                continue;
            }

            if (ElsaInputs.IsOutputBinding(value))
            {
                var variable = ElsaDeclarations.String(value!["memoryReference"]!["id"]) ?? "";
                Report(DiagnosticSeverity.Warning, ElsaDiagnosticCodes.OutputBinding, at, $"Activity {Who(activity, id)} binds its output '{property}' to variable '{variablesById.GetValueOrDefault(variable, variable)}'; bindings are not imported. Read it where needed as =activities['{id}'].output.{property}, or add a SetVariable after the activity.");
                continue;
            }

            if (type is "If" && property is "then" or "else")
            {
                Report(DiagnosticSeverity.Warning, ElsaDiagnosticCodes.DroppedProperty, at, $"Activity {Who(activity, id)} nests an activity in '{property}'; nested branches are not imported. Connect the True and False ports to activities instead.");
                continue;
            }

            var name = property.StartsWith(ElsaKeys.Prefix, StringComparison.Ordinal) ? property[ElsaKeys.Prefix.Length..] : ElsaActivityTypes.InputFromElsa(type, property);
            var original = originals?[name];
            JsonNode? ours;
            if (originals?.ContainsKey(name) == true && JsonNode.DeepEquals(Expression(ElsaInputs.ToElsa(type, name, original, descriptor?.FindInput(name)?.Type)), Expression(value)))
            {
                ours = original?.DeepClone();
            }
            else
            {
                ours = ElsaInputs.FromElsa(type, name, value!, v => variablesById.GetValueOrDefault(v, v), out var unsupported);
                if (unsupported is not null)
                {
                    Report(DiagnosticSeverity.Error, ElsaDiagnosticCodes.UnsupportedExpression, at, $"Input '{property}' of activity {Who(activity, id)} is a {unsupported} expression; DataPrepWorkflows evaluates JavaScript only. Rewrite it as a JavaScript expression (=…).");
                }

                ours = foreign ? RewriteScripts(ours, Who(activity, id), property, at) : ours;
            }

            inputs[name] = ours;
        }

        return inputs;
    }

    private JsonNode? RewriteScripts(JsonNode? value, string who, string property, string path)
    {
        if (value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String
            || ElsaScriptFunctions.Rewrite(v.GetValue<string>(), [.. variablesById.Values]) is not { } rewritten)
        {
            return value;
        }

        Report(DiagnosticSeverity.Warning, ElsaDiagnosticCodes.ElsaScriptFunctions, path, $"Input '{property}' of activity {who} used Elsa's script functions; it now reads \"{rewritten}\". Check that it means the same.");
        return rewritten;
    }

    /// <summary>The part of an Elsa property that carries meaning (a wrapper's <c>typeName</c> depends on descriptors).</summary>
    private static JsonNode? Expression(JsonNode? property) =>
        property is JsonObject o && o.ContainsKey("typeName") && o["expression"] is { } e ? e : property;

    private bool IsTrigger(JsonObject activity)
    {
        if (activity["customProperties"] is not JsonObject custom)
        {
            return false;
        }

        if (custom.ContainsKey(ElsaKeys.Trigger))
        {
            return true;
        }

        var type = ElsaDeclarations.String(activity["type"]) ?? "";
        return ElsaDeclarations.Bool(custom["canStartWorkflow"]) && type.StartsWith(ElsaActivityTypes.Namespace, StringComparison.Ordinal)
            && registry?.Find(type[ElsaActivityTypes.Namespace.Length..]) is { Kind: ActivityKind.Trigger };
    }

    private static void AddUnknown(JsonObject ours, JsonObject? custom)
    {
        if (custom?[ElsaKeys.Unknown] is JsonObject unknown)
        {
            foreach (var (key, value) in unknown)
            {
                ours[key] = value?.DeepClone();
            }
        }
    }

    private string NewId(JsonObject activity)
    {
        var elsaId = Id(activity);
        var name = ElsaDeclarations.String(activity["name"]);
        var id = Ids.IsValid(elsaId) ? elsaId : Ids.Suggest(name is { Length: > 0 } ? name : elsaId);
        var candidate = id;
        for (var n = 2; !_usedIds.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    /// <summary>How messages name an activity: our id, with the Elsa id when it differs.</summary>
    private static string Who(JsonObject activity, string id) =>
        Id(activity) == id ? $"'{id}'" : $"'{id}' (Elsa id '{Id(activity)}')";

    private static string Id(JsonObject activity) => ElsaDeclarations.String(activity["id"]) ?? "";

    private void Report(DiagnosticSeverity severity, string code, string path, string message) =>
        diagnostics.Add(new Diagnostic(severity, code, message, path));
}
