using DataPrepWorkflows.Dqdl.Conditions;

namespace DataPrepWorkflows.Dqdl.Rules;

/// <summary>
/// A variable declared before the rules, <c>allowed = ["A","B"]</c> or <c>col = "order_id"</c>, and referenced as
/// <c>$allowed</c> in parameters and string conditions. Values are strings or lists of strings only.
/// </summary>
/// <param name="Name">The variable name.</param>
/// <param name="Values">The value (one operand) or the list items.</param>
/// <param name="IsList">Whether the value is a list.</param>
/// <param name="Position">Where the declaration starts.</param>
public sealed record DqVariable(string Name, IReadOnlyList<StringOperand> Values, bool IsList, SourcePosition Position)
{
    /// <summary>The value or the list items, compared by value.</summary>
    public IReadOnlyList<StringOperand> Values { get; init; } = ValueList<StringOperand>.Of(Values);
}
