using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>
/// A template with literal text and <c>${…}</c> parts, each parsed once. Parts become text: strings as they are,
/// <c>null</c> as nothing, other values as JSON.
/// </summary>
internal sealed class TemplateExpression : CompiledExpression
{
    private readonly SandboxedEngines _engines;
    private readonly (string? Literal, ParsedScript? Script)[] _parts;

    public TemplateExpression(SandboxedEngines engines, string source, (string? Literal, ParsedScript? Script)[] parts)
    {
        _engines = engines;
        Source = source;
        _parts = parts;
    }

    public override string Source { get; }

    public override JsonNode? Evaluate(ExpressionScope scope)
    {
        var text = new StringBuilder();
        foreach (var (literal, script) in _parts)
        {
            if (script is null)
            {
                text.Append(literal);
                continue;
            }

            switch (ScriptRunner.Evaluate(_engines, script, scope))
            {
                case null:
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    text.Append(value.GetValue<string>());
                    break;
                case var other:
                    text.Append(other.ToJsonString());
                    break;
            }
        }

        return JsonValue.Create(text.ToString());
    }
}
