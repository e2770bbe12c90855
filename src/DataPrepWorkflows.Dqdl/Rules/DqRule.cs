using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Conditions;

namespace DataPrepWorkflows.Dqdl.Rules;

/// <summary>
/// One rule: its type, parameters, condition, <c>where</c> clause, labels and <c>with</c> tags, e.g.
/// <c>ColumnValues "age" between 0 and 120 where "country = 'US'" with threshold &gt; 0.9</c>.
/// </summary>
/// <param name="RuleType">The rule type name, e.g. <c>ColumnValues</c>.</param>
/// <param name="Descriptor">The catalog overload the rule was validated against.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="Condition">The condition; <see langword="null"/> for boolean rule types.</param>
/// <param name="WhereClause">The SQL predicate of <c>where "…"</c> as written between the quotes, if any.</param>
/// <param name="Tags">The <c>with</c> clauses in the order written.</param>
/// <param name="Labels">The rule's own labels.</param>
/// <param name="Position">Where the rule starts.</param>
public sealed record DqRule(
    string RuleType,
    RuleTypeDescriptor Descriptor,
    IReadOnlyList<DqRuleParameter> Parameters,
    DqCondition? Condition,
    string? WhereClause,
    IReadOnlyList<DqTag> Tags,
    IReadOnlyList<DqLabel> Labels,
    SourcePosition Position) : DqRuleNode(Labels, Position)
{
    /// <summary>The parameters in order, compared by value.</summary>
    public IReadOnlyList<DqRuleParameter> Parameters { get; init; } = ValueList<DqRuleParameter>.Of(Parameters);

    /// <summary>The <c>with</c> clauses in the order written, compared by value.</summary>
    public IReadOnlyList<DqTag> Tags { get; init; } = ValueList<DqTag>.Of(Tags);

    /// <summary>The <c>with threshold</c> condition, applied to the fraction of rows that meet the condition.</summary>
    public NumberCondition? Threshold =>
        Tags.FirstOrDefault(t => t.IsThreshold)?.Condition as NumberCondition;

    /// <summary>The value of the first parameter filling catalog parameter <paramref name="name"/>, if any.</summary>
    public string? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Value;

    /// <summary>The values filling catalog parameter <paramref name="name"/> (several for a var-arg parameter).</summary>
    public IReadOnlyList<string> ParameterValues(string name) =>
        [.. Parameters.Where(p => string.Equals(p.Name, name, StringComparison.Ordinal)).Select(p => p.Value)];

    /// <summary>The value of setting tag <paramref name="name"/> (e.g. <c>timeZone</c>), if given.</summary>
    public string? Tag(string name) =>
        Tags.FirstOrDefault(t => !t.IsThreshold && string.Equals(t.Name, name, StringComparison.Ordinal))?.Value;
}
