using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Diff;

/// <summary>Matches triggers by id, or by type and position among triggers of that type when they have none.</summary>
internal static class TriggerDiffer
{
    public static List<TriggerChange> Compare(IReadOnlyList<TriggerDefinition> old, IReadOnlyList<TriggerDefinition> @new)
    {
        var before = Keyed(old);
        var after = Keyed(@new);
        var changes = new List<TriggerChange>();
        foreach (var (key, trigger) in after)
        {
            var match = before.FirstOrDefault(b => b.Key == key).Trigger;
            if (match is null)
            {
                changes.Add(new TriggerChange(key, trigger.Type, ChangeKind.Added, []));
                continue;
            }

            var differences = WorkflowDiffer.Compare(Json(match), Json(trigger));
            if (differences.Count > 0)
            {
                changes.Add(new TriggerChange(key, trigger.Type, ChangeKind.Changed, differences));
            }
        }

        changes.AddRange(before.Where(b => !after.Any(a => a.Key == b.Key)).Select(b => new TriggerChange(b.Key, b.Trigger.Type, ChangeKind.Removed, [])));
        return changes;
    }

    private static List<(string Key, TriggerDefinition Trigger)> Keyed(IReadOnlyList<TriggerDefinition> triggers)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return triggers.Select(t =>
        {
            if (t.Id is not null)
            {
                return (t.Id, t);
            }

            var n = seen[t.Type] = seen.GetValueOrDefault(t.Type) + 1;
            return (string.Create(CultureInfo.InvariantCulture, $"{t.Type}#{n}"), t);
        }).ToList();
    }

    private static JsonObject Json(TriggerDefinition trigger)
    {
        var o = new JsonObject { ["type"] = trigger.Type };
        foreach (var (name, value) in trigger.Inputs)
        {
            o[name] = value?.DeepClone();
        }

        if (trigger.Unknown is not null)
        {
            foreach (var (name, value) in trigger.Unknown)
            {
                o[name] = value?.DeepClone();
            }
        }

        return o;
    }
}
