using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Events.Matching;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Tests.Matching;

/// <summary>
/// A deliberately naive matcher for cross-checking the automaton: walks the event tree into (path, value, enclosing
/// array elements) triples, then searches each sub-rule by backtracking over every combination of values.
/// </summary>
internal static class ReferenceMatcher
{
    public static bool Matches(EventPattern pattern, string eventJson)
    {
        var leaves = new List<(string Path, EventValue Value, List<(int, int)> Elements)>();
        var arrays = 0;
        Walk(JsonNode.Parse(eventJson), string.Empty, [], leaves, ref arrays);
        return pattern.SubRules.Any(rule => Satisfy(rule.Conditions, 0, [], leaves));
    }

    private static bool Satisfy(IReadOnlyList<FieldCondition> conditions, int index, List<(int, int)> chosen, List<(string Path, EventValue Value, List<(int, int)> Elements)> leaves)
    {
        if (index == conditions.Count)
        {
            return true;
        }

        var condition = conditions[index];
        var atPath = leaves.Where(l => l.Path == condition.Path).ToList();
        if (atPath.Count == 0)
        {
            return condition.MatchesAbsence && Satisfy(conditions, index + 1, chosen, leaves);
        }

        foreach (var leaf in atPath)
        {
            var consistent = leaf.Elements.All(e => chosen.All(c => c.Item1 != e.Item1 || c.Item2 == e.Item2));
            if (consistent && condition.Matchers.Any(m => m is not ExistsMatcher { Exists: false } && m.Matches(leaf.Value))
                && Satisfy(conditions, index + 1, [.. chosen, .. leaf.Elements], leaves))
            {
                return true;
            }
        }

        return false;
    }

    private static void Walk(JsonNode? node, string path, List<(int, int)> elements, List<(string, EventValue, List<(int, int)>)> leaves, ref int arrays)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, path.Length == 0 ? key : path + "." + key, elements, leaves, ref arrays);
                }

                break;
            case JsonArray array:
                var id = ++arrays;
                for (var i = 0; i < array.Count; i++)
                {
                    var inner = array[i] is JsonObject or JsonArray ? [.. elements, (id, i)] : elements;
                    Walk(array[i], path, inner, leaves, ref arrays);
                }

                break;
            case null:
                leaves.Add((path, new EventValue(EventValueKind.Null, "null", false, 0, null), elements));
                break;
            case JsonValue value:
                var element = value.GetValue<System.Text.Json.JsonElement>();
                var leaf = element.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.String => new EventValue(EventValueKind.String, element.GetString()!, false, 0, null),
                    System.Text.Json.JsonValueKind.True => new EventValue(EventValueKind.True, "true", false, 0, null),
                    System.Text.Json.JsonValueKind.False => new EventValue(EventValueKind.False, "false", false, 0, null),
                    _ => Number(element.GetRawText()),
                };
                leaves.Add((path, leaf, elements));
                break;
        }
    }

    private static EventValue Number(string text)
    {
        var comparable = ComparableNumber.TryScale(text, out var scaled, out _);
        return new EventValue(EventValueKind.Number, text, comparable, scaled, null);
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
