namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>A condition on a number: <c>&gt; 0.9</c>, <c>between 1 and 10</c>, <c>in [1,2,3]</c>, <c>= avg(last(3))</c>….</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Operands">One operand, two for <c>between</c>, one or more for <c>in</c>.</param>
public sealed record NumberCondition(ConditionOperator Operator, IReadOnlyList<NumericOperand> Operands)
    : DqCondition(Operator)
{
    /// <summary>The operands, compared by value.</summary>
    public IReadOnlyList<NumericOperand> Operands { get; init; } = ValueList<NumericOperand>.Of(Operands);

    /// <summary>Whether an operand calls a function, so that evaluating needs the metric's history.</summary>
    public bool IsDynamic => Operands.Any(o => o.IsDynamic);

    /// <summary>
    /// Whether <paramref name="actual"/> meets the condition with AWS Glue Data Quality semantics: <c>between</c>
    /// excludes both ends, <c>=</c> and <c>in</c> compare exactly, a null value only meets <c>= NULL</c> or
    /// <c>in [NULL]</c>, and each negated operator is the complement of its positive form.
    /// </summary>
    /// <param name="actual">The metric or value; <see langword="null"/> for a missing value.</param>
    /// <param name="functions">Evaluates function calls of dynamic rules; not needed otherwise.</param>
    public bool Matches(double? actual, Func<FunctionCallOperand, double?>? functions = null) =>
        OperatorSemantics.Apply(Operator, actual, [.. Operands.Select(o => o.Evaluate(functions))]);
}
