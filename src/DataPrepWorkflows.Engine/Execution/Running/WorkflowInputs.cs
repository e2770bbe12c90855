using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Applies a workflow's declared inputs to what a caller gave: defaults, required checks, type coercion.</summary>
internal static class WorkflowInputs
{
    /// <exception cref="WorkflowInputException">A required input is missing or a value does not fit its type.</exception>
    public static JsonObject Bind(WorkflowDefinition definition, JsonObject? given)
    {
        var result = new JsonObject();
        foreach (var input in definition.Inputs)
        {
            JsonNode? value = null;
            var present = given is not null && given.TryGetPropertyValue(input.Name, out value);
            if (!present || value is null)
            {
                if (input.Required && input.Default is null)
                {
                    throw new WorkflowInputException(input.Name, $"Workflow '{definition.Id}' needs input '{input.Name}' ({input.Type}); give it a value (dataprep run: --input {input.Name}=<value>; the API: \"inputs\": {{\"{input.Name}\": …}}).");
                }

                result[input.Name] = input.Default?.DeepClone();
                continue;
            }

            result[input.Name] = Coerce(definition, input, value);
        }

        if (given is not null)
        {
            foreach (var pair in given)
            {
                if (!result.ContainsKey(pair.Key))
                {
                    result[pair.Key] = pair.Value?.DeepClone();
                }
            }
        }

        return result;
    }

    private static JsonNode? Coerce(WorkflowDefinition definition, WorkflowInput input, JsonNode value)
    {
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : null;
        var invalid = new WorkflowInputException(input.Name,
            $"Workflow '{definition.Id}' input '{input.Name}' must be {input.Type}; got {Shorten(value.ToJsonString())}.");
        switch (input.Type)
        {
            case InputTypes.Integer:
                if (kind == JsonValueKind.Number && Math.Abs(JsonConversion.ToDouble(value.AsValue()) % 1) == 0)
                {
                    return value.DeepClone();
                }

                return text is not null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : throw invalid;
            case InputTypes.Number:
                if (kind == JsonValueKind.Number)
                {
                    return value.DeepClone();
                }

                return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : throw invalid;
            case InputTypes.Boolean:
                if (kind is JsonValueKind.True or JsonValueKind.False)
                {
                    return value.DeepClone();
                }

                return text is not null && bool.TryParse(text, out var b) ? JsonValue.Create(b) : throw invalid;
            case InputTypes.Object or InputTypes.Array:
                var node = text is not null ? TryParse(text) : value.DeepClone();
                var wanted = input.Type == InputTypes.Object ? JsonValueKind.Object : JsonValueKind.Array;
                return node is not null && node.GetValueKind() == wanted ? node : throw invalid;
            case InputTypes.String:
                return text is not null ? value.DeepClone() : kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                    ? JsonValue.Create(value.ToJsonString()) : throw invalid;
            case InputTypes.Duration:
                try
                {
                    _ = JsonConversion.ParseDuration(text ?? throw invalid);
                    return value.DeepClone();
                }
                catch (FormatException)
                {
                    throw invalid;
                }

            case InputTypes.DateTime:
                return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                    ? value.DeepClone() : throw invalid;
            default:
                return value.DeepClone();
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;
}
