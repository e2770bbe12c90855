using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Dsl.Diff;

/// <summary>
/// Renders a <see cref="WorkflowDiff"/> for people, section by section like <c>git diff --stat</c> but structural:
/// <c>+</c> added, <c>-</c> removed, <c>~</c> changed, each changed value as <c>old → new</c>.
/// </summary>
public static class WorkflowDiffText
{
    private const int MaxValueWidth = 120;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text, ending with a newline; <c>No structural changes.</c> for an empty diff.</summary>
    public static string Render(WorkflowDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.IsEmpty)
        {
            return "No structural changes.\n";
        }

        var text = new StringBuilder();
        Values(text, "workflow", diff.Workflow);
        Values(text, "inputs", diff.Inputs);
        Values(text, "outputs", diff.Outputs);
        Values(text, "variables", diff.Variables);
        if (diff.Triggers.Count > 0)
        {
            text.Append("triggers: ").AppendLine(Counts(diff.Triggers.Select(t => t.Kind)));
            foreach (var trigger in diff.Triggers)
            {
                text.Append("  ").Append(Sign(trigger.Kind)).Append(' ').Append(trigger.Key).Append(" (").Append(trigger.Type).AppendLine(")");
                foreach (var change in trigger.Changes)
                {
                    Value(text, "      ", change);
                }
            }
        }

        var activityCount = diff.ActivitiesAdded.Count + diff.ActivitiesRemoved.Count + diff.ActivitiesChanged.Count;
        if (activityCount > 0)
        {
            text.Append("activities: ")
                .AppendLine(Counts(diff.ActivitiesAdded.Select(_ => ChangeKind.Added).Concat(diff.ActivitiesRemoved.Select(_ => ChangeKind.Removed)).Concat(diff.ActivitiesChanged.Select(_ => ChangeKind.Changed))));
            foreach (var added in diff.ActivitiesAdded)
            {
                text.Append("  + ").Append(added.Id).Append(" (").Append(added.Type).Append(')').AppendLine(added.Parent is null ? "" : $" in {added.Parent}");
            }

            foreach (var removed in diff.ActivitiesRemoved)
            {
                text.Append("  - ").Append(removed.Id).Append(" (").Append(removed.Type).Append(')').AppendLine(removed.Parent is null ? "" : $" in {removed.Parent}");
            }

            foreach (var changed in diff.ActivitiesChanged)
            {
                text.Append("  ~ ").Append(changed.Id).Append(" (").Append(changed.Type).AppendLine(")");
                foreach (var property in changed.Properties)
                {
                    Value(text, "      ", property);
                }

                foreach (var input in changed.Inputs)
                {
                    Value(text, "      ", input with { Name = "inputs." + input.Name });
                }
            }
        }

        var edgeCount = diff.EdgesAdded.Count + diff.EdgesRemoved.Count;
        if (edgeCount > 0)
        {
            text.Append("edges: ").AppendLine(Counts(diff.EdgesAdded.Select(_ => ChangeKind.Added).Concat(diff.EdgesRemoved.Select(_ => ChangeKind.Removed))));
            foreach (var edge in diff.EdgesAdded)
            {
                text.Append("  + ").Append(edge.From).Append(" --").Append(edge.Outcome).Append("--> ").AppendLine(edge.To);
            }

            foreach (var edge in diff.EdgesRemoved)
            {
                text.Append("  - ").Append(edge.From).Append(" --").Append(edge.Outcome).Append("--> ").AppendLine(edge.To);
            }
        }

        return text.ToString();
    }

    private static void Values(StringBuilder text, string section, IReadOnlyList<ValueChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        text.Append(section).Append(": ").AppendLine(Counts(changes.Select(c => c.Kind)));
        foreach (var change in changes)
        {
            Value(text, "  ", change);
        }
    }

    private static void Value(StringBuilder text, string indent, ValueChange change)
    {
        text.Append(indent).Append(Sign(change.Kind)).Append(' ').Append(change.Name).Append(": ");
        text.AppendLine(change.Kind switch
        {
            ChangeKind.Added => Show(change.New),
            ChangeKind.Removed => Show(change.Old),
            _ => $"{Show(change.Old)} → {Show(change.New)}",
        });
    }

    private static string Show(JsonNode? value)
    {
        var json = value is null ? "null" : value.ToJsonString(Compact);
        return json.Length <= MaxValueWidth ? json : json[..(MaxValueWidth - 1)] + "…";
    }

    private static char Sign(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => '+',
        ChangeKind.Removed => '-',
        _ => '~',
    };

    private static string Counts(IEnumerable<ChangeKind> kinds)
    {
        var list = kinds.ToList();
        var parts = new List<string>();
        foreach (var (kind, word) in new[] { (ChangeKind.Added, "added"), (ChangeKind.Removed, "removed"), (ChangeKind.Changed, "changed") })
        {
            var count = list.Count(k => k == kind);
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {word}"));
            }
        }

        return string.Join(", ", parts);
    }
}
