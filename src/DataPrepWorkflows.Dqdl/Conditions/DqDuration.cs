using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>The units of a DQDL duration.</summary>
public enum DurationUnit
{
    /// <summary><c>days</c>.</summary>
    Days,

    /// <summary><c>hours</c>.</summary>
    Hours,

    /// <summary><c>minutes</c>.</summary>
    Minutes,
}

/// <summary>A duration such as <c>3 days</c>.</summary>
/// <param name="Amount">The whole number of units.</param>
/// <param name="Unit">The unit.</param>
public sealed record DqDuration(int Amount, DurationUnit Unit)
{
    /// <summary>The duration as a <see cref="System.TimeSpan"/>.</summary>
    public TimeSpan TimeSpan => Unit switch
    {
        DurationUnit.Days => TimeSpan.FromDays(Amount),
        DurationUnit.Hours => TimeSpan.FromHours(Amount),
        _ => TimeSpan.FromMinutes(Amount),
    };

    /// <summary>The canonical DQDL text, e.g. <c>3 days</c>.</summary>
    public override string ToString() => DqdlPrinter.Duration(this);
}

/// <summary>
/// A condition on a duration, used by <c>DataFreshness</c> (how long ago each value was): <c>&lt;= 3 days</c>,
/// <c>between 2 hours and 12 hours</c>, <c>in [1 days,2 days]</c>.
/// </summary>
/// <param name="Operator">The operator (no regex operators).</param>
/// <param name="Operands">One operand, two for <c>between</c>, one or more for <c>in</c>.</param>
public sealed record DurationCondition(ConditionOperator Operator, IReadOnlyList<DqDuration> Operands)
    : DqCondition(Operator)
{
    /// <summary>The operands, compared by value.</summary>
    public IReadOnlyList<DqDuration> Operands { get; init; } = ValueList<DqDuration>.Of(Operands);

    /// <summary>Whether <paramref name="actual"/> meets the condition (same semantics as numbers).</summary>
    /// <param name="actual">The duration; <see langword="null"/> for a missing value, which meets no operand.</param>
    public bool Matches(TimeSpan? actual) =>
        OperatorSemantics.Apply(Operator, actual, [.. Operands.Select(o => (TimeSpan?)o.TimeSpan)]);
}
