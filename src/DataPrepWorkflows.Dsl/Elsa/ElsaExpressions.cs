using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// One value of ours (literal, <c>=expression</c>, <c>${…}</c> template, or an object/array holding them) as an Elsa 3
/// expression <c>{"type": "Literal"|"Object"|"JavaScript", "value": …}</c>, and back.
/// </summary>
internal static class ElsaExpressions
{
    public const string Literal = "Literal";
    public const string Object = "Object";
    public const string JavaScript = "JavaScript";

    /// <summary>The Elsa expression for one of our values.</summary>
    public static JsonObject ToElsa(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return new JsonObject { ["type"] = Literal };
            case JsonObject or JsonArray when !ValueSyntax.IsDynamic(value):
                return new JsonObject { ["type"] = Object, ["value"] = value.ToJsonString() };
            case JsonObject or JsonArray:
                return new JsonObject { ["type"] = JavaScript, ["value"] = ToJavaScript(value, topLevel: true) };
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                return ValueSyntax.Classify(text, out var inner) switch
                {
                    ValueKind.Expression => new JsonObject { ["type"] = JavaScript, ["value"] = inner },
                    ValueKind.Template when JsTemplate.Split(inner) is { } parts && parts.Any(p => p.IsExpression) =>
                        new JsonObject { ["type"] = JavaScript, ["value"] = JsTemplate.ToLiteral(parts) },
                    ValueKind.Template when JsTemplate.Split(inner) is { } parts =>
                        new JsonObject { ["type"] = Literal, ["value"] = string.Concat(parts.Select(p => p.Text)) },
                    _ => new JsonObject { ["type"] = Literal, ["value"] = inner },
                };
            default:
                return new JsonObject { ["type"] = Literal, ["value"] = value.DeepClone() };
        }
    }

    /// <summary>
    /// Our value for an Elsa expression, or <c>null</c> with <paramref name="unsupported"/> set when the syntax
    /// (C#, Liquid, Python…) cannot be evaluated here.
    /// </summary>
    /// <param name="expression">The <c>expression</c> object of an input wrapper.</param>
    /// <param name="typeName">The wrapper's <c>typeName</c>; number aliases turn numeric strings into numbers.</param>
    /// <param name="unsupported">The syntax name when it is not Literal, Object, Json or JavaScript.</param>
    public static JsonNode? FromElsa(JsonObject expression, string? typeName, out string? unsupported)
    {
        unsupported = null;
        var syntax = expression["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : Literal;
        var value = expression["value"];
        switch (syntax)
        {
            case Literal:
                return FromLiteral(value, typeName);
            case Object or "Json":
                if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String)
                {
                    try
                    {
                        return JsonNode.Parse(s.GetValue<string>());
                    }
                    catch (JsonException)
                    {
                        return FromLiteral(value, "String");
                    }
                }

                return value?.DeepClone();
            case JavaScript:
                var code = value is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : value?.ToJsonString() ?? "";
                return JsTemplate.ParseLiteral(code) is { } parts ? JsTemplate.Join(parts) : "=" + code;
            default:
                unsupported = syntax;
                return value is JsonValue u && u.GetValueKind() == JsonValueKind.String ? "=" + u.GetValue<string>() : value?.DeepClone();
        }
    }

    private static JsonNode? FromLiteral(JsonNode? value, string? typeName)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return value?.DeepClone();
        }

        var text = v.GetValue<string>();
        if (ElsaTypeNames.IsNumber(typeName) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // "4." parses as a double but is not JSON: keep the text.
            }
        }

        if (string.Equals(typeName, "Boolean", StringComparison.OrdinalIgnoreCase) && bool.TryParse(text, out var flag))
        {
            return flag;
        }

        // Escape what our syntax would otherwise read as an expression or a template.
        if (text.StartsWith('='))
        {
            return "=" + text;
        }

        return text.Contains("${", StringComparison.Ordinal) ? text.Replace("${", "$${", StringComparison.Ordinal) : text;
    }

    /// <summary>A JavaScript expression building an object or array whose members may be expressions or templates.</summary>
    private static string ToJavaScript(JsonNode? value, bool topLevel = false)
    {
        switch (value)
        {
            case JsonObject o:
                var members = string.Join(", ", o.Select(p => JsonSerializer.Serialize(p.Key) + ": " + ToJavaScript(p.Value)));
                return topLevel ? "({" + members + "})" : "{" + members + "}";
            case JsonArray a:
                return "[" + string.Join(", ", a.Select(i => ToJavaScript(i))) + "]";
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                return ValueSyntax.Classify(text, out var inner) switch
                {
                    ValueKind.Expression => "(" + inner + ")",
                    ValueKind.Template when JsTemplate.Split(inner) is { } parts => JsTemplate.ToLiteral(parts),
                    _ => JsonSerializer.Serialize(inner),
                };
            case null:
                return "null";
            default:
                return value.ToJsonString();
        }
    }

    /// <summary>Text of an Elsa variable's initial value (Elsa keeps it as a string).</summary>
    public static string? VariableValueToElsa(JsonNode? value, string elsaTypeName) =>
        value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String && elsaTypeName == "String" => v.GetValue<string>(),
            _ => value.ToJsonString(),
        };

    /// <summary>Our initial value of a variable from Elsa's string.</summary>
    public static JsonNode? VariableValueFromElsa(JsonNode? value, string ourType)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return value?.DeepClone();
        }

        var text = v.GetValue<string>();
        if (ourType == Engine.Descriptors.InputTypes.String)
        {
            return text;
        }

        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetBytes(text));
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
