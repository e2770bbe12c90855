using System.Globalization;
using DataPrepWorkflows.Dqdl.Printing;

namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>
/// A number in a condition: a literal, <c>NULL</c>, a function call such as <c>avg(last(10))</c>, or arithmetic
/// over those. Arithmetic is left-associative with one precedence level for <c>+ - * /</c>, as in the DQDL
/// grammar; parentheses group. <see cref="object.ToString"/> gives the canonical DQDL text.
/// </summary>
public abstract record NumericOperand
{
    /// <summary>Whether the value depends on a function (a dynamic rule that needs the metric's history).</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>
    /// The operand's value; <see langword="null"/> for <c>NULL</c>. Function calls are evaluated by
    /// <paramref name="functions"/>, which the caller supplies for dynamic rules (e.g. from the metric history).
    /// </summary>
    /// <exception cref="InvalidOperationException">The operand calls a function and no evaluator was given.</exception>
    public abstract double? Evaluate(Func<FunctionCallOperand, double?>? functions = null);

    /// <summary>The canonical DQDL text of the operand.</summary>
    public sealed override string ToString() => DqdlPrinter.Numeric(this);
}

/// <summary>A number literal, kept as written (e.g. <c>-100.0</c>) so that printing reproduces it exactly.</summary>
/// <param name="Text">The literal as written: an optional minus sign, digits, an optional decimal part.</param>
public sealed record AtomicNumberOperand(string Text) : NumericOperand
{
    /// <summary>The literal's value.</summary>
    public double Value => double.Parse(Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override bool IsDynamic => false;

    /// <inheritdoc />
    public override double? Evaluate(Func<FunctionCallOperand, double?>? functions = null) => Value;
}

/// <summary>The <c>NULL</c> keyword used as a number: matches missing values.</summary>
public sealed record NullNumberOperand : NumericOperand
{
    /// <inheritdoc />
    public override bool IsDynamic => false;

    /// <inheritdoc />
    public override double? Evaluate(Func<FunctionCallOperand, double?>? functions = null) => null;
}

/// <summary>Arithmetic over two operands, e.g. <c>0.9 * avg(last(10))</c>.</summary>
/// <param name="Left">The left operand.</param>
/// <param name="Operator">One of <c>+</c>, <c>-</c>, <c>*</c>, <c>/</c>.</param>
/// <param name="Right">The right operand.</param>
/// <param name="IsParenthesized">Whether the expression was written in parentheses (kept for printing).</param>
public sealed record BinaryNumberOperand(NumericOperand Left, char Operator, NumericOperand Right, bool IsParenthesized)
    : NumericOperand
{
    /// <inheritdoc />
    public override bool IsDynamic => Left.IsDynamic || Right.IsDynamic;

    /// <inheritdoc />
    public override double? Evaluate(Func<FunctionCallOperand, double?>? functions = null)
    {
        if (Left.Evaluate(functions) is not { } left || Right.Evaluate(functions) is not { } right)
        {
            return null;
        }

        return Operator switch
        {
            '+' => left + right,
            '-' => left - right,
            '*' => left * right,
            '/' => left / right,
            _ => throw new InvalidOperationException($"'{Operator}' is not an arithmetic operator."),
        };
    }
}

/// <summary>
/// A function call such as <c>avg(last(10))</c> or <c>index(last(5), 1)</c>. Function names are not fixed by the
/// language; the evaluator of dynamic rules decides which it knows.
/// </summary>
/// <param name="Name">The function name as written.</param>
/// <param name="Arguments">The arguments, possibly empty.</param>
public sealed record FunctionCallOperand(string Name, IReadOnlyList<NumericOperand> Arguments) : NumericOperand
{
    /// <summary>The arguments, compared by value.</summary>
    public IReadOnlyList<NumericOperand> Arguments { get; init; } = ValueList<NumericOperand>.Of(Arguments);

    /// <inheritdoc />
    public override bool IsDynamic => true;

    /// <inheritdoc />
    public override double? Evaluate(Func<FunctionCallOperand, double?>? functions = null) =>
        functions is null
            ? throw new InvalidOperationException(
                $"The condition calls {Name}(…); evaluating it needs a function evaluator (the metric's history).")
            : functions(this);
}
