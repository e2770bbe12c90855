using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>
/// A condition a rule's metric (or each value, for row-level rules) must meet. The concrete family follows the rule
/// type's return type: <see cref="NumberCondition"/>, <see cref="StringCondition"/>, <see cref="DateCondition"/>,
/// <see cref="DurationCondition"/> or <see cref="SizeCondition"/>. <see cref="object.ToString"/> gives the canonical
/// DQDL text, e.g. <c>between 0.4 and 0.8</c>.
/// </summary>
/// <param name="Operator">The condition's operator.</param>
public abstract record DqCondition(ConditionOperator Operator)
{
    /// <summary>Whether the operator is one of the negated forms (<c>not …</c> or <c>!=</c>).</summary>
    public bool IsNegated => Operator is ConditionOperator.NotBetween or ConditionOperator.NotEqual
        or ConditionOperator.NotIn or ConditionOperator.NotMatches;

    /// <summary>The canonical DQDL text of the condition.</summary>
    public sealed override string ToString() => DqdlPrinter.Condition(this);
}
