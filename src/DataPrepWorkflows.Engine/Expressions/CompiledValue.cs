using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>
/// A JSON value from a workflow file with its expressions and templates compiled once (see <see cref="ValueSyntax"/>
/// for the rules). Objects and arrays are compiled item by item; a value with nothing dynamic in it is a literal and
/// evaluates without touching the expression engine. Thread-safe.
/// </summary>
public abstract class CompiledValue
{
    private protected CompiledValue()
    {
    }

    /// <summary>Whether the value is the same on every evaluation (no expression or template anywhere inside).</summary>
    public abstract bool IsLiteral { get; }

    /// <summary>Compiles <paramref name="value"/>; the caller's node is not kept or modified.</summary>
    /// <exception cref="ExpressionSyntaxException">An expression or template inside is not valid.</exception>
    public static CompiledValue Compile(JsonNode? value, IExpressionEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return CompileNode(value, engine);
    }

    /// <summary>
    /// The shared literal without copying, when <see cref="IsLiteral"/>; the caller must neither modify it nor attach it
    /// to another node (use <see cref="Evaluate"/> for a copy it owns).
    /// </summary>
    public bool TryGetLiteral(out JsonNode? literal)
    {
        if (this is LiteralValue l)
        {
            literal = l.Value;
            return true;
        }

        literal = null;
        return false;
    }

    /// <summary>The value for <paramref name="scope"/>: a new node the caller owns (free to modify or attach).</summary>
    /// <exception cref="ExpressionEvaluationException">An expression failed while running.</exception>
    public abstract JsonNode? Evaluate(ExpressionScope scope);

    private static CompiledValue CompileNode(JsonNode? value, IExpressionEngine engine)
    {
        switch (value)
        {
            case JsonObject o:
                var properties = o.Select(p => (p.Key, CompileNode(p.Value, engine))).ToArray();
                return properties.All(p => p.Item2.IsLiteral)
                    ? new LiteralValue(new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, ((LiteralValue)p.Item2).Value?.DeepClone()))))
                    : new ObjectValue(properties);
            case JsonArray a:
                var items = a.Select(item => CompileNode(item, engine)).ToArray();
                return items.All(i => i.IsLiteral)
                    ? new LiteralValue(new JsonArray(items.Select(i => ((LiteralValue)i).Value?.DeepClone()).ToArray()))
                    : new ArrayValue(items);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return CompileString(v.GetValue<string>(), engine);
            default:
                return new LiteralValue(value?.DeepClone());
        }
    }

    private static CompiledValue CompileString(string text, IExpressionEngine engine)
    {
        switch (ValueSyntax.Classify(text, out var body))
        {
            case ValueKind.Expression:
                return new ExpressionValue(engine.Compile(body, ExpressionKind.Expression));
            case ValueKind.Template:
                var segments = TemplateParser.Parse(body);
                if (!segments.Any(s => s.IsExpression))
                {
                    // Only escapes ("$${"), so the text is fixed.
                    return new LiteralValue(JsonValue.Create(string.Concat(segments.Select(s => s.Text))));
                }

                return new ExpressionValue(engine.Compile(body, ExpressionKind.Template));
            default:
                return new LiteralValue(JsonValue.Create(body));
        }
    }

    private sealed class LiteralValue(JsonNode? value) : CompiledValue
    {
        public JsonNode? Value { get; } = value;

        public override bool IsLiteral => true;

        public override JsonNode? Evaluate(ExpressionScope scope) => Value?.DeepClone();
    }

    private sealed class ExpressionValue(CompiledExpression expression) : CompiledValue
    {
        public override bool IsLiteral => false;

        public override JsonNode? Evaluate(ExpressionScope scope) => expression.Evaluate(scope);
    }

    private sealed class ObjectValue((string Key, CompiledValue Value)[] properties) : CompiledValue
    {
        public override bool IsLiteral => false;

        public override JsonNode? Evaluate(ExpressionScope scope)
        {
            var result = new JsonObject();
            foreach (var (key, value) in properties)
            {
                result[key] = value.Evaluate(scope);
            }

            return result;
        }
    }

    private sealed class ArrayValue(CompiledValue[] items) : CompiledValue
    {
        public override bool IsLiteral => false;

        public override JsonNode? Evaluate(ExpressionScope scope)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                result.Add(item.Evaluate(scope));
            }

            return result;
        }
    }
}
