using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>
/// How a JSON value in a workflow file is read: a string starting with <c>=</c> is an expression (the text after
/// <c>=</c>), a string starting with <c>==</c> is the literal string after the first <c>=</c>, a string containing
/// <c>${</c> is a template, objects and arrays hold values read by the same rules, and everything else is a literal.
/// </summary>
public static class ValueSyntax
{
    /// <summary>Classifies a string value.</summary>
    /// <param name="value">The string as written in the file.</param>
    /// <param name="text">The expression (without <c>=</c>), the template, or the literal with its escape removed.</param>
    public static ValueKind Classify(string value, out string text)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith("==", StringComparison.Ordinal))
        {
            text = value[1..];
            return ValueKind.Literal;
        }

        if (value.StartsWith('='))
        {
            text = value[1..];
            return ValueKind.Expression;
        }

        text = value;
        return value.Contains("${", StringComparison.Ordinal) ? ValueKind.Template : ValueKind.Literal;
    }

    /// <summary>Classifies any JSON value; strings follow <see cref="Classify(string, out string)"/>.</summary>
    public static ValueKind Classify(JsonNode? value) => value switch
    {
        JsonObject => ValueKind.Object,
        JsonArray => ValueKind.Array,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => Classify(v.GetValue<string>(), out _),
        _ => ValueKind.Literal,
    };

    /// <summary>
    /// Every expression and template inside <paramref name="value"/>, with the JSON pointer of the string relative to
    /// <paramref name="value"/> (<c>""</c> for the value itself, <c>/a/0</c> for nested ones), in document order.
    /// </summary>
    public static IEnumerable<DynamicPart> FindDynamicParts(JsonNode? value)
    {
        var found = new List<DynamicPart>();
        Collect(value, "", found);
        return found;
    }

    /// <summary>Whether the value (or anything inside it) is an expression or a template.</summary>
    public static bool IsDynamic(JsonNode? value) => value switch
    {
        JsonObject o => o.Any(p => IsDynamic(p.Value)),
        JsonArray a => a.Any(IsDynamic),
        _ => Classify(value) is ValueKind.Expression or ValueKind.Template,
    };

    /// <summary>Escapes one JSON pointer segment (RFC 6901).</summary>
    public static string EscapePointerSegment(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void Collect(JsonNode? value, string pointer, List<DynamicPart> found)
    {
        switch (value)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    Collect(child, pointer + "/" + EscapePointerSegment(key), found);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Collect(a[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), found);
                }

                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var kind = Classify(v.GetValue<string>(), out var text);
                if (kind is ValueKind.Expression or ValueKind.Template)
                {
                    found.Add(new DynamicPart(pointer, kind, text));
                }

                break;
        }
    }
}

/// <summary>What a JSON value is, as far as expressions go.</summary>
public enum ValueKind
{
    /// <summary>A plain value used as written (after removing a <c>==</c> escape).</summary>
    Literal,

    /// <summary>A string starting with <c>=</c>: a JavaScript expression whose result is the value.</summary>
    Expression,

    /// <summary>A string containing <c>${…}</c> parts.</summary>
    Template,

    /// <summary>An object whose property values follow the same rules.</summary>
    Object,

    /// <summary>An array whose items follow the same rules.</summary>
    Array,
}

/// <summary>An expression or template found inside a value.</summary>
/// <param name="Pointer">JSON pointer of the string, relative to the value searched.</param>
/// <param name="Kind"><see cref="ValueKind.Expression"/> or <see cref="ValueKind.Template"/>.</param>
/// <param name="Text">The expression text (after <c>=</c>) or the whole template.</param>
public sealed record DynamicPart(string Pointer, ValueKind Kind, string Text);
