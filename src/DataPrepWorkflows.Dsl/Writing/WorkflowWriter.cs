using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Writing;

/// <summary>
/// Writes a <see cref="WorkflowDefinition"/> in canonical form: fixed key order (<c>$schema</c>, id, version, name,
/// description, inputs, outputs, variables, concurrency, triggers, activities; within an activity id, type, description, inputs,
/// body, timeout, retry, catch, next), unknown properties after the known ones in their original order, <c>next</c> in
/// its shortest form, empty optional sections left out. Writing what was read changes only layout, never meaning.
/// </summary>
public static class WorkflowWriter
{
    /// <summary>The canonical text of <paramref name="definition"/>.</summary>
    /// <param name="definition">The workflow.</param>
    /// <param name="registry">
    /// Resolves each activity type's default outcome (its first), so edges on it are written as <c>"next": "x"</c>;
    /// without it the default outcome is <c>Done</c>. Use the registry the file was read with.
    /// </param>
    public static string Write(WorkflowDefinition definition, ActivityRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return CanonicalJson.Print(ToJson(definition, registry));
    }

    /// <summary>The canonical JSON tree of <paramref name="definition"/> (key order as written).</summary>
    public static JsonObject ToJson(WorkflowDefinition definition, ActivityRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var root = new JsonObject();
        if (definition.Unknown?["$schema"] is { } schema)
        {
            root["$schema"] = schema.DeepClone();
        }

        root["id"] = definition.Id;
        root["version"] = definition.Version;
        root["name"] = definition.Name;
        root["description"] = definition.Description;
        AddNamed(root, "inputs", definition.Inputs, i => i.Name, Input);
        AddNamed(root, "outputs", definition.Outputs, o => o.Name, o => o.Value?.DeepClone());
        AddNamed(root, "variables", definition.Variables, v => v.Name, Variable);
        if (definition.Concurrency is { } concurrency)
        {
            root["concurrency"] = ConcurrencyReader.ToJson(concurrency);
        }

        if (definition.Triggers.Count > 0)
        {
            root["triggers"] = new JsonArray(definition.Triggers.Select(Trigger).ToArray());
        }

        root["activities"] = Activities(definition.Activities, registry);
        AddUnknown(root, definition.Unknown, skip: "$schema");
        return root;
    }

    private static JsonObject Input(WorkflowInput input)
    {
        var o = new JsonObject { ["type"] = input.Type };
        if (input.Default is not null)
        {
            o["default"] = input.Default.DeepClone();
        }

        if (input.Required)
        {
            o["required"] = true;
        }

        if (input.Description.Length > 0)
        {
            o["description"] = input.Description;
        }

        AddUnknown(o, input.Unknown);
        return o;
    }

    private static JsonObject Variable(VariableDefinition variable)
    {
        var o = new JsonObject { ["type"] = variable.Type };
        if (variable.Value is not null)
        {
            o["value"] = variable.Value.DeepClone();
        }

        AddUnknown(o, variable.Unknown);
        return o;
    }

    private static JsonObject Trigger(TriggerDefinition trigger)
    {
        var o = new JsonObject { ["type"] = trigger.Type };
        if (trigger.Id is not null)
        {
            o["id"] = trigger.Id;
        }

        foreach (var (name, value) in trigger.Inputs)
        {
            o[name] = value?.DeepClone();
        }

        AddUnknown(o, trigger.Unknown);
        return o;
    }

    private static JsonArray Activities(IReadOnlyList<ActivityNode> activities, ActivityRegistry? registry) =>
        new(activities.Select(a => (JsonNode)Activity(a, registry)).ToArray());

    private static JsonObject Activity(ActivityNode node, ActivityRegistry? registry)
    {
        var o = new JsonObject { ["id"] = node.Id, ["type"] = node.Type };
        if (node.Description is not null)
        {
            o["description"] = node.Description;
        }

        if (node.Inputs.Count > 0)
        {
            o["inputs"] = new JsonObject(node.Inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        }

        if (node.Body.Count > 0)
        {
            o["body"] = Activities(node.Body, registry);
        }

        if (node.Timeout is { } timeout)
        {
            o["timeout"] = IsoDuration.Format(timeout);
        }

        if (node.Retry.Count > 0)
        {
            o["retry"] = new JsonArray(node.Retry.Select(r => (JsonNode)Retrier(r)).ToArray());
        }

        if (node.Catch.Count > 0)
        {
            o["catch"] = new JsonArray(node.Catch.Select(c => (JsonNode)Catcher(c)).ToArray());
        }

        if (Next(node, registry) is { } next)
        {
            o["next"] = next;
        }

        AddUnknown(o, node.Unknown);
        return o;
    }

    private static JsonObject Retrier(Retrier retrier)
    {
        var o = new JsonObject
        {
            ["errorEquals"] = new JsonArray(retrier.ErrorEquals.Select(e => (JsonNode?)e).ToArray()),
            ["intervalSeconds"] = retrier.IntervalSeconds,
            ["maxAttempts"] = retrier.MaxAttempts,
            // A rate reads as a rate with its decimal point: 2.0 rather than 2.
            ["backoffRate"] = JsonNode.Parse(retrier.BackoffRate == Math.Truncate(retrier.BackoffRate) && Math.Abs(retrier.BackoffRate) < 1e15
                ? retrier.BackoffRate.ToString("0.0", CultureInfo.InvariantCulture)
                : retrier.BackoffRate.ToString("R", CultureInfo.InvariantCulture)),
        };
        if (retrier.MaxDelaySeconds is { } maxDelay)
        {
            o["maxDelaySeconds"] = maxDelay;
        }

        if (retrier.JitterStrategy == JitterStrategy.Full)
        {
            o["jitterStrategy"] = "FULL";
        }

        AddUnknown(o, retrier.Unknown);
        return o;
    }

    private static JsonObject Catcher(Catcher catcher)
    {
        var o = new JsonObject
        {
            ["errorEquals"] = new JsonArray(catcher.ErrorEquals.Select(e => (JsonNode?)e).ToArray()),
            ["next"] = catcher.Next,
        };
        AddUnknown(o, catcher.Unknown);
        return o;
    }

    /// <summary><c>"x"</c>, <c>["x", "y"]</c> on the default outcome, else an object of outcome → id or ids.</summary>
    private static JsonNode? Next(ActivityNode node, ActivityRegistry? registry)
    {
        if (node.Next.Count == 0)
        {
            return null;
        }

        var defaultOutcome = registry?.Find(node.Type) is { Outcomes.Count: > 0 } descriptor ? descriptor.Outcomes[0] : OutcomesAttribute.Done;
        var groups = node.Next.GroupBy(e => e.Outcome, StringComparer.Ordinal).ToList();
        if (groups is [var only] && only.Key == defaultOutcome)
        {
            return Targets(only);
        }

        return new JsonObject(groups.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Targets(g))));
    }

    private static JsonNode Targets(IEnumerable<Edge> edges)
    {
        var targets = edges.Select(e => e.Target).ToList();
        return targets.Count == 1 ? JsonValue.Create(targets[0]) : new JsonArray(targets.Select(t => (JsonNode?)t).ToArray());
    }

    private static void AddNamed<T>(JsonObject root, string key, IReadOnlyList<T> items, Func<T, string> name, Func<T, JsonNode?> value)
    {
        if (items.Count > 0)
        {
            root[key] = new JsonObject(items.Select(i => KeyValuePair.Create(name(i), value(i))));
        }
    }

    private static void AddUnknown(JsonObject o, JsonObject? unknown, string? skip = null)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var (key, value) in unknown)
        {
            if (key != skip && !o.ContainsKey(key))
            {
                o[key] = value?.DeepClone();
            }
        }
    }
}
