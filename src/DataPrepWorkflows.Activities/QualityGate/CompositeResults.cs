using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Results of the <c>Rules</c> entries: a single rule's own result, or for <c>(a) and (b)</c> / <c>(a) or (b)</c>
/// the combination of its operands' outcomes (an operand in Error makes the composite Error), with the metrics of
/// all operands and the failure reasons of those that failed.
/// </summary>
internal static class CompositeResults
{
    public static DataQualityRuleResult Combine(DqRuleNode node, IReadOnlyDictionary<DqRule, LeafResult> leaves)
    {
        var result = Evaluate(node, leaves);
        return new DataQualityRuleResult(node.ToString(), result.Outcome, result.FailureReason, result.Metrics);
    }

    private static LeafResult Evaluate(DqRuleNode node, IReadOnlyDictionary<DqRule, LeafResult> leaves)
    {
        if (node is DqRule rule)
        {
            return leaves[rule];
        }

        var composite = (DqCompositeRule)node;
        var left = Evaluate(composite.Left, leaves);
        var right = Evaluate(composite.Right, leaves);
        var metrics = new Dictionary<string, double>(left.Metrics, StringComparer.Ordinal);
        foreach (var (name, value) in right.Metrics)
        {
            metrics[name] = value;
        }

        var errors = new[] { left, right }.Where(r => r.Outcome == DataQualityOutcome.Error).ToList();
        if (errors.Count > 0)
        {
            return new LeafResult(DataQualityOutcome.Error, string.Join(" ", errors.Select(e => e.FailureReason)), metrics);
        }

        var passed = composite.Operator == DqLogicalOperator.And
            ? left.Outcome == DataQualityOutcome.Passed && right.Outcome == DataQualityOutcome.Passed
            : left.Outcome == DataQualityOutcome.Passed || right.Outcome == DataQualityOutcome.Passed;
        var reasons = new[] { left, right }.Where(r => r.Outcome == DataQualityOutcome.Failed).Select(r => r.FailureReason);
        return new LeafResult(passed ? DataQualityOutcome.Passed : DataQualityOutcome.Failed, passed ? null : string.Join(" ", reasons), metrics);
    }

    /// <summary>
    /// The row-level check of an entry: a single row-level rule's predicate, or its operands' predicates combined
    /// with AND/OR when every operand has one (rule types excluded at row level in composites make it none).
    /// </summary>
    public static RowCheck? RowCheck(DqRuleNode node, IReadOnlyDictionary<DqRule, (CompiledRule? Rule, string? Error)> compiled, bool topLevel)
    {
        if (node is DqRule rule)
        {
            return topLevel || !rule.Descriptor.IsExcludedAtRowLevelInCompositeRules ? compiled[rule].Rule?.Row : null;
        }

        var composite = (DqCompositeRule)node;
        if (RowCheck(composite.Left, compiled, false) is not { } left || RowCheck(composite.Right, compiled, false) is not { } right)
        {
            return null;
        }

        var op = composite.Operator == DqLogicalOperator.And ? "AND" : "OR";
        return new RowCheck($"({left.Predicate} {op} {right.Predicate})", [.. left.Windows, .. right.Windows]);
    }
}
