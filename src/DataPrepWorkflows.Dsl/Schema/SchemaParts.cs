using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Validation.Structure;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Schema;

/// <summary>The fixed pieces of the workflow schema and the schema of one descriptor's inputs.</summary>
internal static class SchemaParts
{
    public const string DurationPattern = @"^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$";

    public static JsonObject Expression() => new()
    {
        ["type"] = "string",
        ["pattern"] = @"^=(?!=)|\$\{",
        ["description"] = "A JavaScript expression (\"=inputs.rows * 2\") or a template (\"s3://${inputs.bucket}/x\").",
    };

    public static JsonObject WorkflowInput() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("type"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["enum"] = new JsonArray(WorkflowStructureValidator.DeclarableTypes.Select(t => (JsonNode?)t).ToArray()) },
            ["default"] = new JsonObject(),
            ["required"] = new JsonObject { ["type"] = "boolean" },
            ["description"] = new JsonObject { ["type"] = "string" },
        },
    };

    public static JsonObject Variable() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("type"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["enum"] = new JsonArray(WorkflowStructureValidator.DeclarableTypes.Select(t => (JsonNode?)t).ToArray()) },
            ["value"] = new JsonObject(),
        },
    };

    public static JsonObject Targets() => new()
    {
        ["oneOf"] = new JsonArray(
            new JsonObject { ["$ref"] = "#/$defs/id" },
            new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/id" }, ["minItems"] = 1 }),
    };

    public static JsonObject Next() => new()
    {
        ["description"] = "Where to go next: an id (default outcome), ids in parallel, or outcome → id(s).",
        ["oneOf"] = new JsonArray(
            new JsonObject { ["$ref"] = "#/$defs/targets" },
            new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["$ref"] = "#/$defs/targets" } }),
    };

    /// <summary><c>next</c> for a type with fixed outcomes: the object form names only those outcomes.</summary>
    public static JsonObject NextByOutcome(IReadOnlyList<string> outcomes) => new()
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["$ref"] = "#/$defs/targets" },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject(outcomes.Select(o => KeyValuePair.Create(o, (JsonNode?)new JsonObject { ["$ref"] = "#/$defs/targets" }))),
                ["additionalProperties"] = false,
            }),
    };

    public static JsonObject Retrier() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("errorEquals"),
        ["properties"] = new JsonObject
        {
            ["errorEquals"] = ErrorNames(),
            ["intervalSeconds"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["default"] = 1 },
            ["maxAttempts"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 3 },
            ["backoffRate"] = new JsonObject { ["type"] = "number", ["minimum"] = 1, ["default"] = 2.0 },
            ["maxDelaySeconds"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            ["jitterStrategy"] = new JsonObject { ["enum"] = new JsonArray("FULL", "NONE"), ["default"] = "NONE" },
        },
    };

    public static JsonObject Catcher() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("errorEquals", "next"),
        ["properties"] = new JsonObject
        {
            ["errorEquals"] = ErrorNames(),
            ["next"] = new JsonObject { ["$ref"] = "#/$defs/id" },
        },
    };

    /// <summary>An object schema with one property per input of <paramref name="descriptor"/>.</summary>
    public static JsonObject Inputs(ActivityDescriptor descriptor, bool additional)
    {
        var properties = new JsonObject();
        foreach (var input in descriptor.Inputs)
        {
            properties[input.Name] = Input(input);
        }

        var required = descriptor.Inputs.Where(i => i.Required && i.DefaultValue is null).Select(i => (JsonNode?)i.Name).ToArray();
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }

        if (!additional)
        {
            schema["additionalProperties"] = false;
        }

        return schema;
    }

    private static JsonObject Input(InputDescriptor input)
    {
        var literal = Literal(input);
        var schema = new JsonObject();
        if (input.Description.Length > 0)
        {
            schema["description"] = input.Description;
        }

        if (input.DefaultValue is not null)
        {
            schema["default"] = input.DefaultValue.DeepClone();
        }

        if (input.AllowExpressions && input.Type != InputTypes.Any)
        {
            schema["anyOf"] = new JsonArray(literal, new JsonObject { ["$ref"] = "#/$defs/expression" });
        }
        else
        {
            foreach (var (key, value) in literal)
            {
                schema[key] = value?.DeepClone();
            }
        }

        return schema;
    }

    private static JsonObject Literal(InputDescriptor input)
    {
        if (input.AllowedValues is { Count: > 0 } allowed)
        {
            return new JsonObject { ["enum"] = new JsonArray(allowed.Select(v => (JsonNode?)v).ToArray()) };
        }

        return input.Type switch
        {
            InputTypes.Duration => new JsonObject { ["$ref"] = "#/$defs/duration" },
            InputTypes.DateTime => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            InputTypes.Any => [],
            _ => new JsonObject { ["type"] = input.Type },
        };
    }

    private static JsonObject ErrorNames() => new()
    {
        ["type"] = "array",
        ["minItems"] = 1,
        ["items"] = new JsonObject
        {
            ["type"] = "string",
            ["examples"] = new JsonArray("States.ALL", "States.Timeout", "States.TaskFailed"),
        },
    };
}
