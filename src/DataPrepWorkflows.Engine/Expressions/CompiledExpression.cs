using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>An expression parsed once and evaluated many times against different scopes. Thread-safe.</summary>
public abstract class CompiledExpression
{
    /// <summary>The source text, for messages.</summary>
    public abstract string Source { get; }

    /// <summary>Evaluates against <paramref name="scope"/>; the result is plain JSON.</summary>
    /// <exception cref="ExpressionEvaluationException">The script threw, timed out or exceeded a sandbox limit.</exception>
    public abstract JsonNode? Evaluate(ExpressionScope scope);
}
