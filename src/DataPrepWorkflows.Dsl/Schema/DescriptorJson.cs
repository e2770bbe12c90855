using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Schema;

/// <summary>
/// Activity descriptors as JSON for <c>dataprep describe</c>, the designer and tools: camelCase, enums as strings, the
/// shape of Elsa 3 descriptors where the concepts match (typeName, category, displayName, kind, inputs with uiHint,
/// outputs) plus our outcomes and flags.
/// </summary>
public static class DescriptorJson
{
    /// <summary>One descriptor as indented JSON text.</summary>
    public static string Write(ActivityDescriptor descriptor) => CanonicalJson.Print(ToJson(descriptor));

    /// <summary>Every descriptor of <paramref name="registry"/> as <c>{"items": [...], "count": n}</c>.</summary>
    public static string WriteAll(ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var items = registry.Descriptors.Select(d => (JsonNode?)ToJson(d)).ToArray();
        return CanonicalJson.Print(new JsonObject { ["items"] = new JsonArray(items), ["count"] = items.Length });
    }

    /// <summary>One descriptor as a JSON tree.</summary>
    public static JsonObject ToJson(ActivityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new JsonObject
        {
            ["typeName"] = descriptor.TypeName,
            ["version"] = descriptor.Version,
            ["category"] = descriptor.Category,
            ["displayName"] = descriptor.DisplayName,
            ["description"] = descriptor.Description,
            ["kind"] = descriptor.Kind.ToString(),
            ["inputs"] = new JsonArray(descriptor.Inputs.Select((input, order) => (JsonNode?)Input(input, order)).ToArray()),
            ["outputs"] = new JsonArray(descriptor.Outputs.Select(o => (JsonNode?)new JsonObject
            {
                ["name"] = o.Name,
                ["type"] = o.Type,
                ["description"] = o.Description,
            }).ToArray()),
            ["outcomes"] = new JsonArray(descriptor.Outcomes.Select(o => (JsonNode?)o).ToArray()),
            ["dynamicOutcomes"] = descriptor.DynamicOutcomes,
            ["hasBody"] = descriptor.HasBody,
            ["isTerminal"] = descriptor.IsTerminal,
            ["safeToRerun"] = descriptor.SafeToRerun,
        };
    }

    private static JsonObject Input(InputDescriptor input, int order) => new()
    {
        ["name"] = input.Name,
        ["type"] = input.Type,
        ["displayName"] = input.DisplayName,
        ["description"] = input.Description,
        ["order"] = order,
        ["required"] = input.Required,
        ["defaultValue"] = input.DefaultValue?.DeepClone(),
        ["allowedValues"] = input.AllowedValues is null ? null : new JsonArray(input.AllowedValues.Select(v => (JsonNode?)v).ToArray()),
        ["uiHint"] = input.UIHint,
        ["allowExpressions"] = input.AllowExpressions,
        ["isSensitive"] = input.Secret,
        ["category"] = input.Category,
    };
}
