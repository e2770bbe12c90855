using DataPrepWorkflows.Dqdl.Rules;
using DataPrepWorkflows.Dqdl.Syntax;

namespace DataPrepWorkflows.Dqdl.Validation;

/// <summary>The label constraints of AWS Glue Data Quality: non-empty, key ≤ 128, value ≤ 256, unique keys, ≤ 10 per rule.</summary>
internal static class LabelRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxLabelsPerRule = 10;

    public static IReadOnlyList<DqLabel> Bind(
        IReadOnlyList<SyntaxLabel>? labels,
        int inheritedCount,
        SourcePosition position,
        List<DqdlDiagnostic> diagnostics)
    {
        if (labels is null)
        {
            return [];
        }

        if (labels.Count == 0)
        {
            diagnostics.Add(Invalid(position, "A labels list needs at least one \"key\"=\"value\" label."));
            return [];
        }

        if (inheritedCount + labels.Count > MaxLabelsPerRule)
        {
            diagnostics.Add(Invalid(position, $"A rule can have at most {MaxLabelsPerRule} labels, default labels included."));
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bound = new List<DqLabel>();
        foreach (var label in labels)
        {
            var problem = label switch
            {
                { Key.Length: 0 } or { Value.Length: 0 } => "Label keys and values cannot be empty.",
                { Key.Length: > MaxKeyLength } => $"Label key has {label.Key.Length} characters; the maximum is {MaxKeyLength}.",
                { Value.Length: > MaxValueLength } => $"Label value has {label.Value.Length} characters; the maximum is {MaxValueLength}.",
                _ when !seen.Add(label.Key) => $"Label key \"{label.Key}\" is given twice; keys must be unique.",
                _ => null,
            };
            if (problem is null)
            {
                bound.Add(new DqLabel(label.Key, label.Value));
            }
            else
            {
                diagnostics.Add(Invalid(label.Position, problem));
            }
        }

        return bound;
    }

    private static DqdlDiagnostic Invalid(SourcePosition position, string message) =>
        DqdlDiagnostic.At(position, DqdlDiagnosticCodes.InvalidLabel, message);
}
