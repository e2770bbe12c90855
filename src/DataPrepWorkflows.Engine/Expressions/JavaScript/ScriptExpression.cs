using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>A whole-value expression (<c>=inputs.rows * 2</c>): its result is the value, of any JSON type.</summary>
internal sealed class ScriptExpression : CompiledExpression
{
    private readonly SandboxedEngines _engines;
    private readonly ParsedScript _script;

    public ScriptExpression(SandboxedEngines engines, ParsedScript script)
    {
        _engines = engines;
        _script = script;
    }

    public override string Source => _script.Source;

    public override JsonNode? Evaluate(ExpressionScope scope) => ScriptRunner.Evaluate(_engines, _script, scope);
}
