using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Writes our flowcharts (the top level and each <c>body</c>) as <c>Elsa.Flowchart</c> activities with
/// <c>activities</c> and <c>connections</c>; triggers become start nodes (<c>canStartWorkflow</c>) wired to every start.
/// </summary>
internal sealed class ElsaFlowchartWriter(ActivityRegistry? registry, WorkflowLayout? layout)
{
    private static readonly string[] CanonicalActivityKeys = ["id", "type", "description", "inputs", "body", "timeout", "retry", "catch", "next"];

    /// <summary>The Elsa flowchart of <paramref name="nodes"/>, whose canonical JSON is <paramref name="canonical"/>.</summary>
    public JsonObject Flowchart(string id, IReadOnlyList<ActivityNode> nodes, JsonArray canonical, IReadOnlyList<TriggerDefinition>? triggers = null, ISet<string>? usedIds = null)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            activities.Add(Activity(node, (JsonObject)canonical[i]!));
            foreach (var edge in node.Next)
            {
                connections.Add(Connection(node.Id, edge.Outcome, edge.Target));
            }
        }

        if (triggers is { Count: > 0 })
        {
            var targets = new HashSet<string>(nodes.SelectMany(n => n.Next.Select(e => e.Target).Concat(n.Catch.Select(c => c.Next))), StringComparer.Ordinal);
            var starts = nodes.Where(n => !targets.Contains(n.Id)).Select(n => n.Id).ToList();
            var used = usedIds ?? new HashSet<string>(StringComparer.Ordinal);
            foreach (var trigger in triggers)
            {
                var elsaId = Unique(trigger.Id ?? "trigger", used);
                activities.Add(Trigger(trigger, elsaId));
                foreach (var start in starts)
                {
                    connections.Add(Connection(elsaId, "Done", start));
                }
            }
        }

        return new JsonObject
        {
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["id"] = id,
            ["metadata"] = new JsonObject(),
            ["customProperties"] = Flags(canStartWorkflow: false),
            ["activities"] = activities,
            ["connections"] = connections,
        };
    }

    private JsonObject Activity(ActivityNode node, JsonObject canonical)
    {
        var custom = Flags(canStartWorkflow: false);
        foreach (var (key, name) in new[] { ("timeout", ElsaKeys.Timeout), ("retry", ElsaKeys.Retry), ("catch", ElsaKeys.Catch) })
        {
            if (canonical[key] is { } value)
            {
                custom[name] = value.DeepClone();
            }
        }

        var unknown = new JsonObject(canonical.Where(p => !CanonicalActivityKeys.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        if (unknown.Count > 0)
        {
            custom[ElsaKeys.Unknown] = unknown;
        }

        var o = Node(node.Id, ElsaActivityTypes.ToElsa(node.Type), custom);
        var metadata = (JsonObject)o["metadata"]!;
        if (node.Description is not null)
        {
            metadata["description"] = node.Description;
            metadata["showDescription"] = true;
        }

        if (layout?.Positions.GetValueOrDefault(node.Id) is { } position)
        {
            metadata["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = position.X, ["y"] = position.Y } };
        }

        AddInputs(o, node.Type, node.Inputs);
        if (node.Body.Count > 0)
        {
            o["body"] = Flowchart(node.Id + "-body", node.Body, (JsonArray)canonical["body"]!);
        }

        return o;
    }

    private JsonObject Trigger(TriggerDefinition trigger, string elsaId)
    {
        var custom = Flags(canStartWorkflow: true);
        custom[ElsaKeys.Trigger] = new JsonObject { ["id"] = trigger.Id };
        if (trigger.Unknown is { Count: > 0 } unknown)
        {
            custom[ElsaKeys.Unknown] = unknown.DeepClone();
        }

        var o = Node(elsaId, ElsaActivityTypes.ToElsa(trigger.Type), custom);
        AddInputs(o, trigger.Type, trigger.Inputs);
        return o;
    }

    /// <summary>Adds inputs as Elsa properties; values whose Elsa form would read back differently are also kept as written.</summary>
    private void AddInputs(JsonObject o, string type, IReadOnlyList<KeyValuePair<string, JsonNode?>> inputs)
    {
        var descriptor = registry?.Find(type);
        var originals = new JsonObject();
        foreach (var (name, value) in inputs)
        {
            var property = ElsaInputs.ToElsa(type, name, value, descriptor?.FindInput(name)?.Type);
            var elsaName = PropertyName(type, name);
            if (o.ContainsKey(elsaName))
            {
                // Two of our inputs map to one Elsa name (an input literally called like another's Elsa name).
                elsaName = ElsaKeys.Prefix + name;
            }

            o[elsaName] = property;
            var readBack = ElsaInputs.FromElsa(type, name, property, id => id, out _);
            if (!JsonNode.DeepEquals(readBack, value))
            {
                originals[name] = value?.DeepClone();
            }
        }

        if (originals.Count > 0)
        {
            ((JsonObject)o["customProperties"]!)[ElsaKeys.Inputs] = originals;
        }
    }

    /// <summary>The Elsa property of one of our inputs (<c>dataprep:&lt;name&gt;</c> where the name is an Elsa member).</summary>
    public static string PropertyName(string type, string input)
    {
        var name = ElsaActivityTypes.InputToElsa(type, input);
        return ElsaKeys.ActivityMembers.Contains(name) || name.StartsWith(ElsaKeys.Prefix, StringComparison.Ordinal) || name == "body"
            ? ElsaKeys.Prefix + input
            : name;
    }

    private static JsonObject Node(string id, string type, JsonObject custom) => new()
    {
        ["id"] = id,
        ["name"] = id,
        ["type"] = type,
        ["version"] = 1,
        ["customProperties"] = custom,
        ["metadata"] = new JsonObject(),
    };

    private static JsonObject Flags(bool canStartWorkflow) => new()
    {
        ["canStartWorkflow"] = canStartWorkflow,
        ["runAsynchronously"] = false,
    };

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    private static string Unique(string id, ISet<string> used)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }
}
