using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Dsl.Validation.Structure;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Reads an Elsa 3 <c>WorkflowDefinitionModel</c> (or an import request <c>{"model": …}</c>) into a workflow
/// definition. Flowchart roots keep their graph; Sequence roots become a chain. Elsa's control activities map back to
/// ours; <c>dataprep:</c> custom properties written by <see cref="ElsaWorkflowExporter"/> restore what Elsa cannot
/// express. Never throws for anything in the file: problems are DPW040–DPW048 diagnostics with their line.
/// </summary>
public static class ElsaWorkflowImporter
{
    /// <summary>Imports Elsa JSON text.</summary>
    /// <param name="json">The Elsa file's content.</param>
    /// <param name="sourceName">The file's name, quoted in the description of a definition that has none.</param>
    /// <param name="registry">Activity descriptors, to recognise our trigger types and type input values.</param>
    public static ElsaImportResult Import(string json, string sourceName, ActivityRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bytes = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        var (map, syntax) = SourceMapBuilder.Build(bytes);
        if (syntax.Count > 0)
        {
            return new ElsaImportResult(null, syntax, null);
        }

        var diagnostics = new List<Diagnostic>();
        var root = JsonNode.Parse(bytes) as JsonObject;
        var prefix = "";
        if (root?["model"] is JsonObject model && root["root"] is null)
        {
            (root, prefix) = (model, "/model");
        }

        if (root?["root"] is not JsonObject elsaRoot)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, ElsaDiagnosticCodes.NotAWorkflowDefinition, "This is not an Elsa 3 workflow definition: it has no 'root' activity object. Export the workflow from Elsa Studio (Export) and import that file.", prefix));
            return new ElsaImportResult(null, WorkflowFile.Positioned(diagnostics, map), null);
        }

        var custom = root["customProperties"] as JsonObject;
        var foreign = custom?[ElsaKeys.ExportedBy] is null;
        var variablesById = new Dictionary<string, string>(StringComparer.Ordinal);
        var document = new JsonObject();
        var definitionId = ElsaDeclarations.String(root["definitionId"]) ?? ElsaDeclarations.String(root["id"]) ?? "";
        var name = ElsaDeclarations.String(root["name"]);
        document["id"] = Ids.IsValid(definitionId) ? definitionId : Ids.Suggest(name is { Length: > 0 } ? name : definitionId);
        document["version"] = root["version"] is JsonValue v && v.TryGetValue<int>(out var version) && version > 0 ? version : 1;
        document["name"] = name ?? document["id"]!.GetValue<string>();
        document["description"] = ElsaDeclarations.String(root["description"]) ?? $"Imported from the Elsa 3 workflow definition {definitionId} ({Path.GetFileName(sourceName)}).";
        document["inputs"] = Declarations(root["inputs"], custom?[ElsaKeys.Inputs] as JsonObject, ElsaDeclarations.InputFromElsa, "type", "description");
        document["outputs"] = Outputs(root["outputs"], custom?[ElsaKeys.Outputs] as JsonObject, prefix, diagnostics);
        foreach (var variable in (root["variables"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ElsaDeclarations.String(variable["name"]) is { } variableName)
            {
                variablesById[ElsaDeclarations.String(variable["id"]) ?? variableName] = variableName;
            }
        }

        document["variables"] = Declarations(root["variables"], custom?[ElsaKeys.Variables] as JsonObject, ElsaDeclarations.VariableFromElsa, "typeName", "value");
        var reader = new ElsaFlowchartReader(registry, foreign, variablesById, diagnostics);
        document["activities"] = reader.Container(elsaRoot, prefix + "/root", topLevel: true);
        document["triggers"] = reader.Triggers;
        if (custom?[ElsaKeys.Unknown] is JsonObject unknown)
        {
            foreach (var (key, value) in unknown)
            {
                document[key] = value?.DeepClone();
            }
        }

        var (definition, readDiagnostics) = WorkflowReader.Read(document, registry);
        diagnostics.AddRange(readDiagnostics);
        var layout = reader.Positions.Count > 0 ? new WorkflowLayout(reader.Positions) : null;
        return new ElsaImportResult(definition, WorkflowFile.Positioned(diagnostics, map), layout);
    }

    /// <summary>
    /// Our declarations (name → JSON) from an Elsa array: the declaration kept by our exporter when the Elsa fields
    /// still say what it exported, else the one read from the Elsa fields.
    /// </summary>
    private static JsonObject Declarations(JsonNode? elsa, JsonObject? originals, Func<JsonObject, JsonObject> read, params string[] compared)
    {
        var result = new JsonObject();
        foreach (var item in (elsa as JsonArray ?? []).OfType<JsonObject>())
        {
            if (ElsaDeclarations.String(item["name"]) is not { } name)
            {
                continue;
            }

            var natural = read(item);
            result[name] = originals?[name] is JsonObject original && Same(read, original, natural, compared) ? original.DeepClone() : natural;
        }

        return result;
    }

    /// <summary>Whether <paramref name="original"/> reads back, through Elsa's fields, as what the Elsa file holds now.</summary>
    private static bool Same(Func<JsonObject, JsonObject> read, JsonObject original, JsonObject natural, string[] compared)
    {
        // Reading the original's own Elsa form: its type and description/value as our exporter writes them.
        var typeName = ElsaTypeNames.ToElsa(ElsaDeclarations.String(original["type"]) ?? "") ?? "Object";
        var elsa = new JsonObject { [compared[0]] = typeName };
        elsa[compared[1]] = compared[1] == "value"
            ? ElsaExpressions.VariableValueToElsa(original["value"], typeName)
            : ElsaDeclarations.String(original["description"]) ?? "";
        return JsonNode.DeepEquals(read(elsa), natural);
    }

    private static JsonObject Outputs(JsonNode? elsa, JsonObject? values, string prefix, List<Diagnostic> diagnostics)
    {
        var result = new JsonObject();
        var items = (elsa as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (ElsaDeclarations.String(items[i]["name"]) is not { } name)
            {
                continue;
            }

            if (values?.ContainsKey(name) == true)
            {
                result[name] = values[name]?.DeepClone();
                continue;
            }

            result[name] = null;
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, ElsaDiagnosticCodes.OutputBinding, $"{prefix}/outputs/{i}", $"Workflow output '{name}' has no value here (Elsa sets outputs from activities); give it one under outputs, such as \"=activities.<id>.output.<name>\"."));
        }

        return result;
    }
}
