using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Writes a workflow as an Elsa 3 <c>WorkflowDefinitionModel</c> (the JSON Elsa Studio imports): an
/// <c>Elsa.Flowchart</c> root with activities and connections, typed input wrappers, variables, inputs and outputs.
/// What Elsa cannot express (retry, catch, timeout, output values, input defaults) is kept in <c>customProperties</c>
/// under <c>dataprep:</c> keys, so <see cref="ElsaWorkflowImporter"/> gives back the same workflow. Deterministic: the
/// same definition always gives the same JSON.
/// </summary>
public static class ElsaWorkflowExporter
{
    /// <summary>The <c>$schema</c> Elsa's own exporter writes.</summary>
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    /// <summary>The Elsa version whose format is written (<c>toolVersion</c>).</summary>
    public const string ToolVersion = "3.5.0.0";

    private static readonly string[] MappedKeys = ["id", "version", "name", "description", "inputs", "outputs", "variables", "triggers", "activities"];

    /// <summary>The Elsa JSON of <paramref name="definition"/>.</summary>
    /// <param name="definition">The workflow.</param>
    /// <param name="layout">Designer positions (the sidecar <c>.layout.json</c>), written to <c>metadata.designer.position</c>.</param>
    /// <param name="registry">Activity descriptors: give expression inputs their Elsa <c>typeName</c> (<c>Object</c> without).</param>
    public static JsonObject Export(WorkflowDefinition definition, WorkflowLayout? layout = null, ActivityRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var canonical = WorkflowWriter.ToJson(definition, registry);
        var custom = new JsonObject { [ElsaKeys.ExportedBy] = "DataPrepWorkflows" };
        var inputs = new JsonArray();
        var originalInputs = new JsonObject();
        foreach (var input in definition.Inputs)
        {
            var elsa = InputDefinition(input);
            inputs.Add(elsa);
            var ours = canonical["inputs"]![input.Name]!;
            if (!JsonNode.DeepEquals(ElsaDeclarations.InputFromElsa(elsa), ours))
            {
                originalInputs[input.Name] = ours.DeepClone();
            }
        }

        var variables = new JsonArray();
        var originalVariables = new JsonObject();
        foreach (var variable in definition.Variables)
        {
            var typeName = ElsaTypeNames.ToElsa(variable.Type) ?? "Object";
            var elsa = new JsonObject
            {
                ["id"] = variable.Name,
                ["name"] = variable.Name,
                ["typeName"] = typeName,
                ["isArray"] = false,
                ["value"] = ElsaExpressions.VariableValueToElsa(variable.Value, typeName),
                ["storageDriverTypeName"] = ElsaKeys.WorkflowStorageDriver,
            };
            variables.Add(elsa);
            var ours = canonical["variables"]![variable.Name]!;
            if (!JsonNode.DeepEquals(ElsaDeclarations.VariableFromElsa(elsa), ours))
            {
                originalVariables[variable.Name] = ours.DeepClone();
            }
        }

        AddIfAny(custom, ElsaKeys.Inputs, originalInputs);
        AddIfAny(custom, ElsaKeys.Variables, originalVariables);
        AddIfAny(custom, ElsaKeys.Outputs, canonical["outputs"]?.DeepClone() as JsonObject ?? []);
        // Every other top-level property (unknown ones, and known ones Elsa has no place for) is kept as written.
        AddIfAny(custom, ElsaKeys.Unknown, new JsonObject(canonical.Where(p => !MappedKeys.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))));

        var usedIds = new HashSet<string>(AllIds(definition.Activities), StringComparer.Ordinal);
        var root = new ElsaFlowchartWriter(registry, layout)
            .Flowchart(definition.Id + "-flowchart", definition.Activities, (JsonArray)canonical["activities"]!, definition.Triggers, usedIds);

        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["id"] = $"{definition.Id}-v{definition.Version}",
            ["definitionId"] = definition.Id,
            ["name"] = definition.Name,
            ["description"] = definition.Description,
            ["version"] = definition.Version,
            ["toolVersion"] = ToolVersion,
            ["variables"] = variables,
            ["inputs"] = inputs,
            ["outputs"] = new JsonArray(definition.Outputs.Select(o => (JsonNode)new JsonObject
            {
                ["type"] = "Object",
                ["name"] = o.Name,
                ["displayName"] = o.Name,
                ["description"] = "",
                ["category"] = "",
                ["isArray"] = false,
            }).ToArray()),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = custom,
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["isLatest"] = true,
            ["isPublished"] = true,
            ["options"] = new JsonObject { ["usableAsActivity"] = false, ["autoUpdateConsumingWorkflows"] = false },
            ["root"] = root,
        };
    }

    private static JsonObject InputDefinition(WorkflowInput input) => new()
    {
        ["type"] = ElsaTypeNames.ToElsa(input.Type) ?? "Object",
        ["name"] = input.Name,
        ["displayName"] = input.Name,
        ["description"] = input.Description,
        ["category"] = "",
        ["uiHint"] = "singleline",
        ["storageDriverType"] = ElsaKeys.WorkflowStorageDriver,
        ["isArray"] = false,
    };

    private static void AddIfAny(JsonObject custom, string key, JsonObject value)
    {
        if (value.Count > 0)
        {
            custom[key] = value;
        }
    }

    private static IEnumerable<string> AllIds(IReadOnlyList<ActivityNode> nodes) =>
        nodes.SelectMany(n => AllIds(n.Body).Prepend(n.Id));
}
