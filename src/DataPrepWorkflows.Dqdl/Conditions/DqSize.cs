using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>The units of a DQDL size; each is 1024 times the previous one.</summary>
public enum SizeUnit
{
    /// <summary>Bytes.</summary>
    B,

    /// <summary>Kibibytes (1024 bytes).</summary>
    KB,

    /// <summary>Mebibytes.</summary>
    MB,

    /// <summary>Gibibytes.</summary>
    GB,

    /// <summary>Tebibytes.</summary>
    TB,
}

/// <summary>A size such as <c>500 KB</c>.</summary>
/// <param name="Amount">The whole number of units.</param>
/// <param name="Unit">The unit.</param>
public sealed record DqSize(long Amount, SizeUnit Unit)
{
    /// <summary>The size in bytes.</summary>
    public long Bytes => Amount << (10 * (int)Unit);

    /// <summary>The canonical DQDL text, e.g. <c>500 KB</c>.</summary>
    public override string ToString() => DqdlPrinter.Size(this);
}

/// <summary>A condition on a size in bytes, used by <c>FileSize</c>: <c>&lt;= 1 GB</c>, <c>not in [500 KB,150 GB]</c>.</summary>
/// <param name="Operator">The operator (no regex operators).</param>
/// <param name="Operands">One operand, two for <c>between</c>, one or more for <c>in</c>.</param>
public sealed record SizeCondition(ConditionOperator Operator, IReadOnlyList<DqSize> Operands) : DqCondition(Operator)
{
    /// <summary>The operands, compared by value.</summary>
    public IReadOnlyList<DqSize> Operands { get; init; } = ValueList<DqSize>.Of(Operands);

    /// <summary>Whether a size of <paramref name="bytes"/> meets the condition (same semantics as numbers).</summary>
    /// <param name="bytes">The size in bytes; <see langword="null"/> when unknown.</param>
    public bool Matches(long? bytes) =>
        OperatorSemantics.Apply(Operator, bytes, [.. Operands.Select(o => (long?)o.Bytes)]);
}
