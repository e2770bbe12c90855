using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Reading;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// One activity input as an Elsa 3 property: a typed wrapper <c>{"typeName", "expression"}</c>, except where Elsa's
/// built-in has its own shape (<c>SetVariable.variable</c>, <c>FlowSwitch.cases</c>, <c>Delay.timeSpan</c>).
/// </summary>
internal static class ElsaInputs
{
    /// <summary>The Elsa property value of an input.</summary>
    /// <param name="ourType">Our activity type.</param>
    /// <param name="name">Our input name.</param>
    /// <param name="value">The value as written in our file.</param>
    /// <param name="declaredType">The input's JSON type from its descriptor, when known.</param>
    public static JsonNode ToElsa(string ourType, string name, JsonNode? value, string? declaredType)
    {
        switch (ourType, name, value)
        {
            case ("SetVariable", "name", JsonValue v) when IsPlainString(v, out var variable):
                return new JsonObject { ["id"] = variable, ["name"] = variable };
            case ("Switch", "cases", JsonObject cases):
                return new JsonArray(cases.Select(c => (JsonNode)new JsonObject
                {
                    ["label"] = c.Key,
                    ["condition"] = ElsaExpressions.ToElsa(c.Value),
                }).ToArray());
            case ("Delay", "duration", JsonValue v) when IsPlainString(v, out var text) && IsoDuration.TryParse(text, out var duration):
                return Wrapper("TimeSpan", new JsonObject
                {
                    ["type"] = ElsaExpressions.Literal,
                    ["value"] = duration.ToString("c", CultureInfo.InvariantCulture),
                });
        }

        var literal = !Engine.Expressions.ValueSyntax.IsDynamic(value) && value is not null;
        var typeName = literal ? ElsaTypeNames.OfLiteral(value) : (declaredType is null ? null : ElsaTypeNames.ToElsa(declaredType)) ?? "Object";
        return Wrapper(typeName, ElsaExpressions.ToElsa(value));
    }

    /// <summary>Our value of an Elsa property (a wrapper, a built-in's own shape, or a bare JSON value).</summary>
    /// <param name="ourType">Our activity type.</param>
    /// <param name="name">Our input name.</param>
    /// <param name="property">The property value in the Elsa JSON (not <c>null</c>).</param>
    /// <param name="variableName">Resolves an Elsa variable id to its name.</param>
    /// <param name="unsupported">Set to the expression syntax when it cannot be evaluated here.</param>
    public static JsonNode? FromElsa(string ourType, string name, JsonNode property, Func<string, string> variableName, out string? unsupported)
    {
        unsupported = null;
        switch (ourType, name, property)
        {
            case ("SetVariable", "name", JsonObject reference) when reference["expression"] is null:
                return String(reference["name"]) ?? (String(reference["id"]) is { } id ? variableName(id) : null);
            case ("Switch", "cases", JsonArray cases):
                var result = new JsonObject();
                foreach (var item in cases.OfType<JsonObject>())
                {
                    var label = String(item["label"]) ?? "";
                    result[label] = item["condition"] is JsonObject condition ? ElsaExpressions.FromElsa(condition, "Boolean", out unsupported) : item["condition"]?.DeepClone();
                }

                return result;
            case ("Delay", "duration", JsonObject { } w) when w["expression"] is JsonObject e && String(e["type"]) == ElsaExpressions.Literal
                && String(e["value"]) is { } text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) && duration > TimeSpan.Zero:
                return IsoDuration.Format(duration);
        }

        if (property is JsonObject wrapper && wrapper["expression"] is JsonObject expression)
        {
            return ElsaExpressions.FromElsa(expression, String(wrapper["typeName"]), out unsupported);
        }

        return property is JsonValue raw ? ElsaExpressions.FromElsa(new JsonObject { ["type"] = ElsaExpressions.Literal, ["value"] = raw.DeepClone() }, null, out unsupported) : property.DeepClone();
    }

    /// <summary>
    /// Whether an Elsa property leaves the input unset: <c>null</c>, or <c>{"typeName": …}</c> with neither expression
    /// nor memory reference.
    /// </summary>
    public static bool IsUnset(JsonNode? property) =>
        property is null || (property is JsonObject o && o.ContainsKey("typeName") && o["expression"] is null && o["memoryReference"] is null);

    /// <summary>Whether an Elsa property binds an output to a variable (<c>{"memoryReference": …}</c> without expression).</summary>
    public static bool IsOutputBinding(JsonNode? property) =>
        property is JsonObject o && o["memoryReference"] is JsonObject && o["expression"] is null;

    private static JsonObject Wrapper(string typeName, JsonObject expression) =>
        new() { ["typeName"] = typeName, ["expression"] = expression };

    private static bool IsPlainString(JsonValue v, out string text)
    {
        text = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
        return v.GetValueKind() == JsonValueKind.String && Engine.Expressions.ValueSyntax.Classify(text, out _) == Engine.Expressions.ValueKind.Literal && !text.StartsWith('=');
    }

    private static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
