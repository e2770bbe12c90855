using DataPrepWorkflows.Dqdl.Conditions;

namespace DataPrepWorkflows.Dqdl.Rules;

/// <summary>
/// A <c>with</c> clause: <c>with threshold &gt; 0.9</c> (the fraction of rows that must pass) or a named setting
/// such as <c>with timeZone = "America/New_York"</c> or <c>with hashAlgorithm = "MD5"</c>.
/// </summary>
/// <param name="Name">The tag name, e.g. <c>threshold</c>.</param>
/// <param name="IsNameQuoted">Whether the name was written in quotes (<c>with "hashAlgorithm" = "MD5"</c>).</param>
/// <param name="Condition">
/// The threshold's number condition, or for other tags an <c>=</c> condition holding the value.
/// </param>
public sealed record DqTag(string Name, bool IsNameQuoted, DqCondition Condition)
{
    /// <summary>Whether this is the <c>with threshold</c> clause.</summary>
    public bool IsThreshold => string.Equals(Name, "threshold", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a setting tag (<c>with timeZone = "UTC"</c> gives <c>UTC</c>).</summary>
    public string? Value => Condition switch
    {
        StringCondition { Operands: [QuotedStringOperand quoted] } => quoted.Value,
        StringCondition { Operands: [var other] } => other.ToString(),
        NumberCondition { Operands: [var number] } => number.ToString(),
        _ => null,
    };
}
