namespace DataPrepWorkflows.Dqdl.Catalog;

/// <summary>
/// One rule type (one overload of it) from the rule-type catalog: its parameters, what it returns and which clauses
/// it allows. Several descriptors may share a name when the rule type has overloads with different parameter counts
/// (e.g. <c>DatasetMatch</c> with and without match columns).
/// </summary>
/// <param name="Name">The case-sensitive rule type name, e.g. <c>ColumnValues</c>.</param>
/// <param name="Description">What the rule type checks.</param>
/// <param name="Parameters">The parameters in order; only the last may be a var-arg.</param>
/// <param name="ReturnTypes">
/// What the rule type returns, in the order a condition is tried against them (e.g. <c>ColumnValues</c> tries
/// strings, then numbers, then dates; <c>CustomSql</c> tries a number, then a boolean).
/// </param>
/// <param name="SupportsWhere">Whether a <c>where "&lt;sql&gt;"</c> clause is allowed.</param>
/// <param name="SupportsThreshold">Whether a <c>with threshold &lt;condition&gt;</c> clause is allowed.</param>
/// <param name="Scope">What the rule type looks at.</param>
/// <param name="IsExperimental">Whether the rule type is marked experimental (the file rules).</param>
/// <param name="IsAnalyzerOnly">Whether it may only appear in the <c>Analyzers</c> section.</param>
/// <param name="IsExcludedAtRowLevelInCompositeRules">
/// Whether the rule type cannot take part in row-level evaluation of composite rules.
/// </param>
public sealed record RuleTypeDescriptor(
    string Name,
    string Description,
    IReadOnlyList<RuleParameterDescriptor> Parameters,
    IReadOnlyList<RuleReturnType> ReturnTypes,
    bool SupportsWhere,
    bool SupportsThreshold,
    RuleScope Scope,
    bool IsExperimental,
    bool IsAnalyzerOnly,
    bool IsExcludedAtRowLevelInCompositeRules)
{
    /// <summary>Whether the last parameter takes one or more values.</summary>
    public bool HasVarArg => Parameters.Count > 0 && Parameters[^1].IsVarArg;

    /// <summary>Whether the rule type passes or fails by itself, so that it takes no condition.</summary>
    public bool IsBooleanOnly => ReturnTypes.Count == 1 && ReturnTypes[0] == RuleReturnType.Boolean;

    /// <summary>Whether a rule written with <paramref name="count"/> parameters fits this overload.</summary>
    public bool AcceptsParameterCount(int count) =>
        HasVarArg ? count >= Parameters.Count : count == Parameters.Count;

    /// <summary>
    /// The catalog parameter that the parameter written at <paramref name="index"/> belongs to (the var-arg
    /// parameter takes every value from its position on).
    /// </summary>
    public RuleParameterDescriptor ParameterAt(int index) =>
        index < Parameters.Count ? Parameters[index] : Parameters[^1];
}
