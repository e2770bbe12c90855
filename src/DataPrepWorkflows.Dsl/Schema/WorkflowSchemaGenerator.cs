using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Schema;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of workflow files from the registered descriptors, so editors such as
/// VS Code autocomplete activity types, their inputs, allowed values and defaults (<c>dataprep schema</c> writes it to
/// <c>workflows/workflow.schema.json</c>). The output depends only on the registry: same registry, same bytes.
/// </summary>
public static class WorkflowSchemaGenerator
{
    /// <summary>Where workflow files refer to the schema from (<c>"$schema": "./workflow.schema.json"</c>).</summary>
    public const string FileName = "workflow.schema.json";

    /// <summary>The schema as text (2-space indent, final newline).</summary>
    public static string Generate(ActivityRegistry registry) => CanonicalJson.Print(GenerateJson(registry));

    /// <summary>The schema as a JSON tree.</summary>
    public static JsonObject GenerateJson(ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var descriptors = registry.Descriptors.OrderBy(d => d.TypeName, StringComparer.Ordinal).ToList();
        var actions = descriptors.Where(d => d.Kind == ActivityKind.Action).ToList();
        var triggers = descriptors.Where(d => d.Kind == ActivityKind.Trigger).ToList();
        var defs = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$", ["description"] = "Readable kebab-case id, unique in the file." },
            ["duration"] = new JsonObject { ["type"] = "string", ["pattern"] = SchemaParts.DurationPattern, ["description"] = "ISO 8601 duration such as PT10M, PT30S or P1DT2H." },
            ["expression"] = SchemaParts.Expression(),
            ["workflowInput"] = SchemaParts.WorkflowInput(),
            ["variable"] = SchemaParts.Variable(),
            ["targets"] = SchemaParts.Targets(),
            ["next"] = SchemaParts.Next(),
            ["retrier"] = SchemaParts.Retrier(),
            ["catcher"] = SchemaParts.Catcher(),
            ["activity"] = Activity(actions),
            ["trigger"] = Trigger(triggers),
        };
        foreach (var descriptor in actions)
        {
            var properties = new JsonObject { ["inputs"] = SchemaParts.Inputs(descriptor, additional: false) };
            if (!descriptor.HasBody)
            {
                properties["body"] = false;
            }

            if (!descriptor.DynamicOutcomes)
            {
                properties["next"] = SchemaParts.NextByOutcome(descriptor.Outcomes);
            }

            defs[$"activity.{descriptor.TypeName}"] = new JsonObject { ["properties"] = properties };
        }

        foreach (var descriptor in triggers)
        {
            var inputs = SchemaParts.Inputs(descriptor, additional: false);
            var properties = (JsonObject)inputs["properties"]!;
            properties["type"] = new JsonObject { ["const"] = descriptor.TypeName };
            properties["id"] = new JsonObject { ["type"] = "string" };
            defs[$"trigger.{descriptor.TypeName}"] = inputs;
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = FileName,
            ["title"] = "DataPrepWorkflows workflow",
            ["description"] = "One workflow: identity, typed inputs, variables, triggers and a flowchart of activities. See docs/dsl-reference.md.",
            ["type"] = "object",
            ["required"] = new JsonArray("id", "version", "name", "description", "activities"),
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string" },
                ["id"] = new JsonObject { ["$ref"] = "#/$defs/id" },
                ["version"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["description"] = "Raised by one on each published change." },
                ["name"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["description"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["inputs"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["$ref"] = "#/$defs/workflowInput" } },
                ["outputs"] = new JsonObject { ["type"] = "object", ["description"] = "Output name → value (literal, \"=expression\" or template), evaluated when the workflow finishes." },
                ["variables"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["$ref"] = "#/$defs/variable" } },
                ["concurrency"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "How many runs may be active at once and what a start beyond that does. See docs/triggers.md.",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 10000, ["default"] = 1 },
                        ["behavior"] = new JsonObject { ["enum"] = new JsonArray("allow", "queue", "skip", "cancel"), ["default"] = "queue" },
                    },
                },
                ["triggers"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/trigger" } },
                ["activities"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["$ref"] = "#/$defs/activity" } },
            },
            ["$defs"] = defs,
        };
    }

    private static JsonObject Activity(List<ActivityDescriptor> actions)
    {
        var activity = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("id", "type"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["$ref"] = "#/$defs/id" },
                ["type"] = new JsonObject
                {
                    ["enum"] = new JsonArray(actions.Select(d => (JsonNode?)d.TypeName).ToArray()),
                    ["description"] = "Activity type (`dataprep activities` lists them).",
                },
                ["description"] = new JsonObject { ["type"] = "string" },
                ["inputs"] = new JsonObject { ["type"] = "object" },
                ["body"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/activity" } },
                ["timeout"] = new JsonObject { ["$ref"] = "#/$defs/duration" },
                ["retry"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/retrier" } },
                ["catch"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/catcher" } },
                ["next"] = new JsonObject { ["$ref"] = "#/$defs/next" },
            },
        };
        if (actions.Count > 0)
        {
            activity["allOf"] = new JsonArray(actions.Select(d => (JsonNode?)new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = d.TypeName } },
                    ["required"] = new JsonArray("type"),
                },
                ["then"] = new JsonObject { ["$ref"] = $"#/$defs/activity.{d.TypeName}" },
            }).ToArray());
        }

        return activity;
    }

    private static JsonObject Trigger(List<ActivityDescriptor> triggers)
    {
        var trigger = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("type"),
            ["properties"] = new JsonObject
            {
                ["type"] = triggers.Count > 0
                    ? new JsonObject { ["enum"] = new JsonArray(triggers.Select(d => (JsonNode?)d.TypeName).ToArray()) }
                    : new JsonObject { ["type"] = "string" },
                ["id"] = new JsonObject { ["type"] = "string" },
            },
        };
        if (triggers.Count > 0)
        {
            trigger["oneOf"] = new JsonArray(triggers.Select(d => (JsonNode?)new JsonObject { ["$ref"] = $"#/$defs/trigger.{d.TypeName}" }).ToArray());
        }

        return trigger;
    }
}
