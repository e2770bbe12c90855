using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>Workflow input and variable declarations read from Elsa's <c>InputDefinition</c> and <c>VariableDefinition</c>.</summary>
internal static class ElsaDeclarations
{
    /// <summary>Our input declaration (<c>{"type", "description"}</c>) of an Elsa <c>InputDefinition</c>.</summary>
    public static JsonObject InputFromElsa(JsonObject elsa)
    {
        var o = new JsonObject { ["type"] = ElsaTypeNames.FromElsa(String(elsa["type"]), Bool(elsa["isArray"])) };
        if (String(elsa["description"]) is { Length: > 0 } description)
        {
            o["description"] = description;
        }

        return o;
    }

    /// <summary>Our variable declaration (<c>{"type", "value"}</c>) of an Elsa <c>VariableDefinition</c>.</summary>
    public static JsonObject VariableFromElsa(JsonObject elsa)
    {
        var type = ElsaTypeNames.FromElsa(String(elsa["typeName"]), Bool(elsa["isArray"]));
        var o = new JsonObject { ["type"] = type };
        if (ElsaExpressions.VariableValueFromElsa(elsa["value"], type) is { } value)
        {
            o["value"] = value;
        }

        return o;
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool Bool(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
