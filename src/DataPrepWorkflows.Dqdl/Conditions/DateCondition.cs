namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>
/// A condition on a date-time: <c>&gt; (now() - 1 days)</c>, <c>between "2024-01-01" and "2024-12-31"</c>,
/// <c>in [now(),"2024-01-01"]</c>.
/// </summary>
/// <param name="Operator">The operator (no regex operators).</param>
/// <param name="Operands">One operand, two for <c>between</c>, one or more for <c>in</c>.</param>
public sealed record DateCondition(ConditionOperator Operator, IReadOnlyList<DateOperand> Operands)
    : DqCondition(Operator)
{
    /// <summary>The operands, compared by value.</summary>
    public IReadOnlyList<DateOperand> Operands { get; init; } = ValueList<DateOperand>.Of(Operands);

    /// <summary>
    /// Whether <paramref name="actual"/> meets the condition when the rule runs at <paramref name="now"/> (take it
    /// from the run's <see cref="TimeProvider"/>), with the same semantics as numbers.
    /// </summary>
    /// <param name="actual">The value; <see langword="null"/> for a missing value.</param>
    /// <param name="now">The time the rule runs, which <c>now()</c> stands for.</param>
    public bool Matches(DateTimeOffset? actual, DateTimeOffset now) =>
        OperatorSemantics.Apply(Operator, actual, [.. Operands.Select(o => o.Resolve(now))]);
}
