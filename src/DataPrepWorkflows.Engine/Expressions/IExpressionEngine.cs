namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>
/// Compiles expression text once per workflow definition; the compiled form is evaluated many times.
/// </summary>
public interface IExpressionEngine
{
    /// <summary>Compiles a whole-value expression (the text after <c>=</c>) or a template containing <c>${…}</c>.</summary>
    /// <param name="source">The expression or template text.</param>
    /// <param name="kind">Whether <paramref name="source"/> is an expression or a template.</param>
    /// <exception cref="ExpressionSyntaxException">The text is not valid JavaScript; carries the position.</exception>
    CompiledExpression Compile(string source, ExpressionKind kind);
}

/// <summary>How a string value is to be read.</summary>
public enum ExpressionKind
{
    /// <summary>A JavaScript expression whose result is the value (<c>"=inputs.rows * 2"</c>).</summary>
    Expression,

    /// <summary>A string with <c>${…}</c> parts replaced by their values (<c>"s3://${inputs.bucket}/x"</c>).</summary>
    Template,
}
