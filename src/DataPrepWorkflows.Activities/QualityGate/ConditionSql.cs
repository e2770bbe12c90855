using DataPrepWorkflows.Dqdl.Conditions;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Compiles DQDL conditions into SQL predicates over one value, with the semantics of
/// <see cref="NumberCondition.Matches(double?, Func{FunctionCallOperand, double?})"/>: <c>between</c> excludes both
/// ends, <c>=</c> is exact, NULL meets only <c>= NULL</c>/<c>in [NULL]</c>, negations are exact complements. Every
/// predicate is TRUE or FALSE, never NULL, so negating it stays a complement.
/// </summary>
internal static class ConditionSql
{
    public static string Number(NumberCondition condition, string value, Func<FunctionCallOperand, double?>? functions) =>
        Ordered(condition.Operator, value, [.. condition.Operands.Select(o => o.Evaluate(functions) is { } v ? DqSql.Number(v) : null)]);

    /// <summary>
    /// The predicate of <see cref="Number"/> for an integer <paramref name="value"/>, compared as BIGINT instead of as
    /// DOUBLE, which costs DuckDB a fraction per row; null when an operand is not a whole number below 2^53 in
    /// magnitude. Such an operand is exact as a double and its neighbours are too, and the cast of an integer to
    /// DOUBLE never reorders values, so both ways meet the condition on the same rows.
    /// </summary>
    public static string? Integer(NumberCondition condition, string value, Func<FunctionCallOperand, double?>? functions)
    {
        var operands = condition.Operands.Select(o => o.Evaluate(functions)).ToList();
        return operands.All(o => o is null || IsSmallWholeNumber(o.Value))
            ? Ordered(condition.Operator, value, [.. operands.Select(o => o is { } v ? DqSql.Integer((long)v) : null)])
            : null;
    }

    public static string Date(DateCondition condition, string value, DateTimeOffset now) =>
        Ordered(condition.Operator, value, [.. condition.Operands.Select(o => o.Resolve(now) is { } v ? DqSql.Timestamp(v) : null)]);

    public static string Seconds(DurationCondition condition, string seconds) =>
        Ordered(condition.Operator, seconds, [.. condition.Operands.Select(o => DqSql.Number(o.TimeSpan.TotalSeconds))]);

    public static string String(StringCondition condition, string value)
    {
        var positive = condition.Operator switch
        {
            ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.In or ConditionOperator.NotIn =>
                AnyOf(condition.Operands.OfType<QuotedStringOperand>().Select(o => DqSql.Literal(o.Value)), value,
                    condition.Operands.Where(o => o is not QuotedStringOperand).Select(o => StringEquals(o, value))),
            ConditionOperator.Matches or ConditionOperator.NotMatches =>
                $"coalesce(regexp_full_match({value}, {DqSql.Literal(condition.Pattern ?? string.Empty)}), false)",
            _ => throw new InvalidOperationException($"{condition.Operator} is not a string operator."),
        };
        return condition.IsNegated ? $"(NOT {positive})" : positive;
    }

    private static string StringEquals(StringOperand operand, string value) => operand switch
    {
        QuotedStringOperand quoted => $"coalesce({value} = {DqSql.Literal(quoted.Value)}, false)",
        KeywordStringOperand { Keyword: StringKeyword.Null } => $"({value} IS NULL)",
        KeywordStringOperand { Keyword: StringKeyword.Empty } => $"coalesce({value} = '', false)",
        KeywordStringOperand => $"coalesce(regexp_full_match({value}, '\\s+'), false)",
        VariableStringOperand variable => AnyOf(variable.Values.Select(v => StringEquals(v, value))),
        _ => "false",
    };

    private static string Ordered(ConditionOperator op, string value, IReadOnlyList<string?> operands)
    {
        var positive = op switch
        {
            ConditionOperator.Between or ConditionOperator.NotBetween => operands[0] is { } low && operands[1] is { } high
                ? $"coalesce({value} > {low} AND {value} < {high}, false)"
                : "false",
            ConditionOperator.GreaterThan => Compare(value, ">", operands[0]),
            ConditionOperator.GreaterThanOrEqual => Compare(value, ">=", operands[0]),
            ConditionOperator.LessThan => Compare(value, "<", operands[0]),
            ConditionOperator.LessThanOrEqual => Compare(value, "<=", operands[0]),
            ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.In or ConditionOperator.NotIn =>
                AnyOf(operands.OfType<string>(), value, operands.Where(o => o is null).Take(1).Select(_ => $"({value} IS NULL)")),
            _ => throw new InvalidOperationException($"{op} does not apply to ordered values."),
        };
        return op is ConditionOperator.NotBetween or ConditionOperator.NotEqual or ConditionOperator.NotIn
            ? $"(NOT {positive})"
            : positive;
    }

    private static bool IsSmallWholeNumber(double value) => Math.Abs(value) < 9007199254740992.0 && Math.Floor(value) == value;

    private static string Compare(string value, string op, string? operand) =>
        operand is null ? "false" : $"coalesce({value} {op} {operand}, false)";

    /// <summary>
    /// <paramref name="value"/> equals one of <paramref name="constants"/> (never NULL: a NULL value is in no list), or
    /// meets one of <paramref name="others"/>. One <c>IN</c> costs DuckDB far less per row than an OR of equalities.
    /// </summary>
    private static string AnyOf(IEnumerable<string> constants, string value, IEnumerable<string> others)
    {
        var list = constants.ToList();
        IEnumerable<string> equalities = list.Count switch
        {
            0 => [],
            1 => [$"coalesce({value} = {list[0]}, false)"],
            _ => [$"coalesce({value} IN ({string.Join(", ", list)}), false)"],
        };
        return AnyOf(equalities.Concat(others));
    }

    private static string AnyOf(IEnumerable<string> predicates)
    {
        var list = predicates.ToList();
        return list.Count == 0 ? "false" : "(" + string.Join(" OR ", list) + ")";
    }
}
