using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// An input value as the engine evaluates it: a <see cref="CompiledValue"/> (expressions and templates compiled once per
/// definition), or a plain literal for inputs that do not allow expressions.
/// </summary>
internal sealed class ValueTemplate
{
    private readonly CompiledValue? _compiled;
    private readonly JsonNode? _literal;

    private ValueTemplate(CompiledValue? compiled, JsonNode? literal)
    {
        _compiled = compiled;
        _literal = literal;
        HasExpressions = compiled is { IsLiteral: false };
        if (compiled is not null && compiled.TryGetLiteral(out var shared))
        {
            _compiled = null;
            _literal = shared;
        }
    }

    /// <summary>Whether evaluating needs an expression scope.</summary>
    public bool HasExpressions { get; }

    /// <summary>Compiles <paramref name="value"/>; strings are read as expressions only when <paramref name="allowExpressions"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">An expression is not valid.</exception>
    public static ValueTemplate Compile(JsonNode? value, IExpressionEngine expressions, bool allowExpressions) =>
        allowExpressions
            ? new ValueTemplate(CompiledValue.Compile(value, expressions), null)
            : new ValueTemplate(null, value?.DeepClone());

    /// <summary>A fresh JSON value (never attached to a parent) that the caller owns.</summary>
    /// <exception cref="ExpressionEvaluationException">An expression failed.</exception>
    public JsonNode? Evaluate(ExpressionScope? scope) =>
        _compiled is null ? _literal?.DeepClone() : _compiled.Evaluate(scope ?? new ExpressionScope());
}
