using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>
/// A condition on a string: <c>= "x"</c>, <c>!= EMPTY</c>, <c>in ["a","b",NULL]</c>, <c>in $allowed</c>,
/// <c>matches "[a-z]+"</c>….
/// </summary>
/// <param name="Operator">The operator: equality, <c>in</c> or <c>matches</c> and their negations.</param>
/// <param name="Operands">One operand for <c>=</c> and <c>matches</c>, one or more for <c>in</c>.</param>
public sealed record StringCondition(ConditionOperator Operator, IReadOnlyList<StringOperand> Operands)
    : DqCondition(Operator)
{
    /// <summary>The operands, compared by value.</summary>
    public IReadOnlyList<StringOperand> Operands { get; init; } = ValueList<StringOperand>.Of(Operands);

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether <paramref name="actual"/> meets the condition: <c>=</c>/<c>in</c> compare ordinally (keywords match
    /// null, empty and white-space-only values), <c>matches</c> requires the whole value to match the regular
    /// expression (a null value never matches), each negated operator is the complement of its positive form.
    /// </summary>
    /// <param name="actual">The value; <see langword="null"/> for a missing value.</param>
    public bool Matches(string? actual) => Operator switch
    {
        ConditionOperator.Equal or ConditionOperator.In => Operands.Any(o => o.Matches(actual)),
        ConditionOperator.NotEqual or ConditionOperator.NotIn => !Operands.Any(o => o.Matches(actual)),
        ConditionOperator.Matches => MatchesPattern(actual),
        ConditionOperator.NotMatches => !MatchesPattern(actual),
        _ => throw new InvalidOperationException($"{Operator} is not a string operator."),
    };

    /// <summary>The regular expression of a <c>matches</c> condition, exactly as written between the quotes.</summary>
    public string? Pattern => Operator is ConditionOperator.Matches or ConditionOperator.NotMatches
        && Operands is [QuotedStringOperand quoted] ? quoted.Raw : null;

    private bool MatchesPattern(string? actual) =>
        actual is not null && Pattern is { } pattern
        && Regex.IsMatch(actual, $"\\A(?:{pattern})\\z", RegexOptions.CultureInvariant, RegexTimeout);
}
