using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Rules;

/// <summary>
/// An entry of the <c>Rules</c> section: a single <see cref="DqRule"/> or a <see cref="DqCompositeRule"/> combining
/// two entries with <c>and</c>/<c>or</c>. <see cref="object.ToString"/> gives the canonical DQDL text, which is also
/// the rule's identity in results (AWS Glue reports each rule by this text).
/// </summary>
/// <param name="Labels">The rule's own labels (<c>labels=["k"="v"]</c>), without the ruleset's default labels.</param>
/// <param name="Position">Where the entry starts in the text.</param>
public abstract record DqRuleNode(IReadOnlyList<DqLabel> Labels, SourcePosition Position)
{
    /// <summary>The rule's own labels, compared by value.</summary>
    public IReadOnlyList<DqLabel> Labels { get; init; } = ValueList<DqLabel>.Of(Labels);

    /// <summary>The canonical DQDL text of the entry.</summary>
    public sealed override string ToString() => DqdlPrinter.RuleNode(this);
}

/// <summary>How a composite rule combines its two operands.</summary>
public enum DqLogicalOperator
{
    /// <summary>Passes when both operands pass.</summary>
    And,

    /// <summary>Passes when either operand passes.</summary>
    Or,
}

/// <summary>
/// Two rule entries combined with <c>and</c>/<c>or</c>. Chains nest to the left and <c>and</c> binds tighter than
/// <c>or</c>: <c>(a) or (b) and (c)</c> is <c>a or (b and c)</c>.
/// </summary>
/// <param name="Operator">How the operands combine.</param>
/// <param name="Left">The first operand.</param>
/// <param name="Right">The second operand.</param>
/// <param name="Labels">Labels given to the parenthesised group.</param>
/// <param name="Position">Where the composite starts.</param>
public sealed record DqCompositeRule(
    DqLogicalOperator Operator,
    DqRuleNode Left,
    DqRuleNode Right,
    IReadOnlyList<DqLabel> Labels,
    SourcePosition Position) : DqRuleNode(Labels, Position)
{
    /// <summary>The single rules under this composite, left to right.</summary>
    public IEnumerable<DqRule> Leaves()
    {
        foreach (var side in new[] { Left, Right })
        {
            if (side is DqRule rule)
            {
                yield return rule;
            }
            else if (side is DqCompositeRule composite)
            {
                foreach (var leaf in composite.Leaves())
                {
                    yield return leaf;
                }
            }
        }
    }
}
