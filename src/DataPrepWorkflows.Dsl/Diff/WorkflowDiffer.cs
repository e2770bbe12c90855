using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Diff;

/// <summary>
/// Compares two versions of a workflow structurally. Activities are matched by id (ids are unique in a file, bodies
/// included), edges, inputs and triggers as sets, and values in their canonical JSON, so reformatting or reordering
/// never shows up as a change.
/// </summary>
public static class WorkflowDiffer
{
    private static readonly string[] ActivityProperties = ["type", "description", "timeout", "retry", "catch"];
    private static readonly string[] NotProperties = ["id", "inputs", "body", "next"];

    /// <summary>What changed from <paramref name="old"/> to <paramref name="new"/>.</summary>
    public static WorkflowDiff Diff(WorkflowDefinition old, WorkflowDefinition @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var oldJson = WorkflowWriter.ToJson(old);
        var newJson = WorkflowWriter.ToJson(@new);
        var oldActivities = Flatten(old.Activities, (JsonArray)oldJson["activities"]!, null);
        var newActivities = Flatten(@new.Activities, (JsonArray)newJson["activities"]!, null);
        var oldEdges = Edges(oldActivities);
        var newEdges = Edges(newActivities);

        return new WorkflowDiff
        {
            Workflow = Compare(Without(oldJson, "inputs", "outputs", "variables", "triggers", "activities"), Without(newJson, "inputs", "outputs", "variables", "triggers", "activities")),
            Inputs = Compare(oldJson["inputs"] as JsonObject, newJson["inputs"] as JsonObject),
            Outputs = Compare(oldJson["outputs"] as JsonObject, newJson["outputs"] as JsonObject),
            Variables = Compare(oldJson["variables"] as JsonObject, newJson["variables"] as JsonObject),
            Triggers = TriggerDiffer.Compare(old.Triggers, @new.Triggers),
            ActivitiesAdded = newActivities.Where(a => !oldActivities.Any(o => o.Node.Id == a.Node.Id)).Select(Ref).ToList(),
            ActivitiesRemoved = oldActivities.Where(a => !newActivities.Any(n => n.Node.Id == a.Node.Id)).Select(Ref).ToList(),
            ActivitiesChanged = newActivities
                .Select(n => (Old: oldActivities.FirstOrDefault(o => o.Node.Id == n.Node.Id), New: n))
                .Where(p => p.Old.Node is not null)
                .Select(p => Changed(p.Old, p.New))
                .OfType<ActivityChange>()
                .ToList(),
            EdgesAdded = Minus(newEdges, oldEdges),
            EdgesRemoved = Minus(oldEdges, newEdges),
        };
    }

    /// <summary>Added, removed and changed members of two JSON objects, in the new object's order then removed ones.</summary>
    internal static List<ValueChange> Compare(JsonObject? old, JsonObject? @new)
    {
        old ??= [];
        @new ??= [];
        var changes = new List<ValueChange>();
        foreach (var (name, value) in @new)
        {
            if (!old.TryGetPropertyValue(name, out var before))
            {
                changes.Add(new ValueChange(name, ChangeKind.Added, null, value?.DeepClone()));
            }
            else if (!JsonNode.DeepEquals(before, value))
            {
                changes.Add(new ValueChange(name, ChangeKind.Changed, before?.DeepClone(), value?.DeepClone()));
            }
        }

        changes.AddRange(old.Where(p => !@new.ContainsKey(p.Key)).Select(p => new ValueChange(p.Key, ChangeKind.Removed, p.Value?.DeepClone(), null)));
        return changes;
    }

    private static ActivityChange? Changed((ActivityNode Node, JsonObject Json, string? Parent) old, (ActivityNode Node, JsonObject Json, string? Parent) @new)
    {
        var properties = Compare(Without(old.Json, NotProperties), Without(@new.Json, NotProperties));
        properties.Sort((a, b) => Rank(a.Name).CompareTo(Rank(b.Name)));
        if (old.Parent != @new.Parent)
        {
            properties.Add(new ValueChange("parent", ChangeKind.Changed, old.Parent, @new.Parent));
        }

        var inputs = Compare(old.Json["inputs"] as JsonObject, @new.Json["inputs"] as JsonObject);
        return properties.Count + inputs.Count == 0 ? null : new ActivityChange(@new.Node.Id, @new.Node.Type, properties, inputs);
    }

    private static int Rank(string property)
    {
        var index = Array.IndexOf(ActivityProperties, property);
        return index < 0 ? ActivityProperties.Length : index;
    }

    private static List<(ActivityNode Node, JsonObject Json, string? Parent)> Flatten(IReadOnlyList<ActivityNode> nodes, JsonArray json, string? parent)
    {
        var all = new List<(ActivityNode, JsonObject, string?)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var o = (JsonObject)json[i]!;
            all.Add((nodes[i], o, parent));
            if (nodes[i].Body.Count > 0)
            {
                all.AddRange(Flatten(nodes[i].Body, (JsonArray)o["body"]!, nodes[i].Id));
            }
        }

        return all;
    }

    private static List<EdgeRef> Edges(List<(ActivityNode Node, JsonObject Json, string? Parent)> activities) =>
        activities.SelectMany(a => a.Node.Next.Select(e => new EdgeRef(a.Node.Id, e.Outcome, e.Target))).ToList();

    /// <summary>Edges of <paramref name="a"/> not in <paramref name="b"/>, counting duplicates.</summary>
    private static List<EdgeRef> Minus(List<EdgeRef> a, List<EdgeRef> b)
    {
        var remaining = b.ToList();
        var result = new List<EdgeRef>();
        foreach (var edge in a)
        {
            if (!remaining.Remove(edge))
            {
                result.Add(edge);
            }
        }

        return result;
    }

    private static ActivityRef Ref((ActivityNode Node, JsonObject Json, string? Parent) a) => new(a.Node.Id, a.Node.Type, a.Parent);

    private static JsonObject Without(JsonObject o, params string[] keys) =>
        new(o.Where(p => !keys.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
}
