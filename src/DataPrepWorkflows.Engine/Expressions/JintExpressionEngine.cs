using DataPrepWorkflows.Engine.Expressions.JavaScript;

namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>
/// JavaScript (ECMAScript 5.1) expressions through Jint, sandboxed: per-evaluation time, statement and recursion
/// limits (<see cref="ExpressionLimits"/>), strict mode, frozen built-ins and no access to .NET. Text is parsed once
/// by <see cref="Compile"/>; evaluations reuse pooled engines. Thread-safe; one instance per host is enough.
/// </summary>
public sealed class JintExpressionEngine : IExpressionEngine
{
    private readonly SandboxedEngines _engines;

    /// <summary>Creates an engine with <see cref="ExpressionLimits.Default"/>.</summary>
    public JintExpressionEngine()
        : this(ExpressionLimits.Default)
    {
    }

    /// <summary>Creates an engine with the given sandbox limits.</summary>
    public JintExpressionEngine(ExpressionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _engines = new SandboxedEngines(limits);
    }

    /// <summary>The sandbox limits applied to every evaluation.</summary>
    public ExpressionLimits Limits => _engines.Limits;

    /// <inheritdoc />
    /// <remarks>
    /// A template that is exactly one <c>${…}</c> part (<c>"${inputs.files}"</c>) yields the part's value unchanged,
    /// so it can produce numbers, arrays and objects; any other template yields a string.
    /// </remarks>
    public CompiledExpression Compile(string source, ExpressionKind kind)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (kind == ExpressionKind.Expression)
        {
            return new ScriptExpression(_engines, ParsedScript.Parse(source, (1, 1), Limits.MaxExpressionLength));
        }

        var segments = TemplateParser.Parse(source);
        var parts = segments
            .Select(s => s.IsExpression
                ? ((string?)null, ParsedScript.Parse(s.Text, TemplateParser.Position(source, s.Offset), Limits.MaxExpressionLength))
                : (s.Text, (ParsedScript?)null))
            .ToArray();
        if (parts is [(null, { } single)])
        {
            return new ScriptExpression(_engines, single);
        }

        return new TemplateExpression(_engines, source, parts);
    }
}
