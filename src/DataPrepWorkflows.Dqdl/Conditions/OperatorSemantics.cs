namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>
/// The comparison semantics shared by the ordered condition families (numbers, dates, durations, sizes), as AWS Glue
/// Data Quality applies them: <c>between</c> excludes both ends and does not reorder its bounds, <c>=</c> is exact,
/// a missing (null) value only satisfies <c>= NULL</c> / <c>in [NULL]</c>, and every negated operator is the exact
/// complement of its positive form.
/// </summary>
internal static class OperatorSemantics
{
    public static bool Apply<T>(ConditionOperator op, T? actual, IReadOnlyList<T?> operands)
        where T : struct, IComparable<T> => op switch
        {
            ConditionOperator.NotBetween => !Apply(ConditionOperator.Between, actual, operands),
            ConditionOperator.NotEqual => !Apply(ConditionOperator.Equal, actual, operands),
            ConditionOperator.NotIn => !Apply(ConditionOperator.In, actual, operands),
            ConditionOperator.Equal or ConditionOperator.In => operands.Any(o => SameValue(actual, o)),
            ConditionOperator.Between => actual is { } a && operands[0] is { } low && operands[1] is { } high
                && a.CompareTo(low) > 0 && a.CompareTo(high) < 0,
            ConditionOperator.GreaterThan => Compare(actual, operands[0]) is > 0,
            ConditionOperator.GreaterThanOrEqual => Compare(actual, operands[0]) is >= 0,
            ConditionOperator.LessThan => Compare(actual, operands[0]) is < 0,
            ConditionOperator.LessThanOrEqual => Compare(actual, operands[0]) is <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Ordered values have no regex operators."),
        };

    private static bool SameValue<T>(T? actual, T? operand)
        where T : struct, IComparable<T> =>
        actual is { } a ? operand is { } o && a.CompareTo(o) == 0 : operand is null;

    private static int? Compare<T>(T? actual, T? operand)
        where T : struct, IComparable<T> =>
        actual is { } a && operand is { } o ? a.CompareTo(o) : null;
}
