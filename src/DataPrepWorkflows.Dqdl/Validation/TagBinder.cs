using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;
using DataPrepWorkflows.Dqdl.Syntax;

namespace DataPrepWorkflows.Dqdl.Validation;

/// <summary>
/// Checks a rule's <c>with</c> clauses: at most one <c>with threshold</c>, only on rule types that support it and
/// always a number condition; any other tag is a single <c>=</c> value, given once; a <c>timeZone</c> must name a
/// known IANA time zone.
/// </summary>
internal sealed class TagBinder(ConditionBinder conditions, List<DqdlDiagnostic> diagnostics)
{
    public const string TimeZoneTag = "timeZone";

    public List<DqTag>? Bind(SyntaxRule rule, RuleTypeDescriptor descriptor)
    {
        var tags = new List<DqTag>();
        var ok = true;
        foreach (var tag in rule.Tags)
        {
            var bound = BindTag(rule, descriptor, tag, tags);
            if (bound is null)
            {
                ok = false;
            }
            else
            {
                tags.Add(bound);
            }
        }

        return ok ? tags : null;
    }

    private DqTag? BindTag(SyntaxRule rule, RuleTypeDescriptor descriptor, SyntaxTag tag, List<DqTag> earlier)
    {
        if (string.Equals(tag.Name, "threshold", StringComparison.OrdinalIgnoreCase))
        {
            if (!descriptor.SupportsThreshold)
            {
                Report(tag.Position, DqdlDiagnosticCodes.ThresholdNotSupported, $"{rule.RuleType} does not support 'with threshold'.");
                return null;
            }

            if (earlier.Any(t => t.IsThreshold))
            {
                Report(tag.Position, DqdlDiagnosticCodes.DuplicateThreshold, "Only one 'with threshold' condition is allowed per rule.");
                return null;
            }

            var threshold = conditions.BindNumber(tag.Condition).Condition;
            if (threshold is null)
            {
                Report(tag.Condition.Position, DqdlDiagnosticCodes.ConditionTypeMismatch, "A threshold is a number condition on the fraction of passing rows, e.g. with threshold > 0.9.");
            }

            return threshold is null ? null : new DqTag(tag.Name, tag.IsNameQuoted, threshold);
        }

        if (earlier.Any(t => t.Name == tag.Name))
        {
            Report(tag.Position, DqdlDiagnosticCodes.InvalidTag, $"'with {tag.Name}' is given twice.");
            return null;
        }

        var condition = tag.Condition is { Operator: RawOperator.Equal, Negated: false, Operands: [var operand] }
            ? operand switch
            {
                RawNumber => conditions.BindNumber(tag.Condition).Condition,
                RawString s => new StringCondition(ConditionOperator.Equal, [new QuotedStringOperand(s.Raw)]),
                _ => null,
            }
            : null;
        if (condition is null)
        {
            Report(tag.Position, DqdlDiagnosticCodes.InvalidTag, $"'with {tag.Name}' takes one value with '=', e.g. with {tag.Name} = \"value\".");
            return null;
        }

        if (tag.Name == TimeZoneTag && condition is StringCondition { Operands: [QuotedStringOperand zone] }
            && !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Value, out _))
        {
            Report(tag.Condition.Position, DqdlDiagnosticCodes.UnknownTimeZone, $"Unknown time zone \"{zone.Value}\"; use an IANA name such as \"America/New_York\".");
            return null;
        }

        return new DqTag(tag.Name, tag.IsNameQuoted, condition);
    }

    private void Report(SourcePosition position, string code, string message) =>
        diagnostics.Add(DqdlDiagnostic.At(position, code, message));
}
