using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Server.Definitions;

/// <summary>The JSON the definition endpoints answer with (camelCase, Elsa-like names: <c>definitionId</c>, <c>isPublished</c>, <c>isLatest</c>).</summary>
internal static class DefinitionJson
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static JsonObject Summary(StoredWorkflowVersion v) => new()
    {
        ["definitionId"] = v.WorkflowId,
        ["version"] = v.Version,
        ["name"] = v.Name,
        ["isPublished"] = v.IsPublished,
        ["isLatest"] = v.IsLatest,
        ["gitCommit"] = v.GitCommit,
        ["createdAt"] = v.CreatedAt,
        ["updatedAt"] = v.UpdatedAt,
        ["author"] = v.Author,
    };

    public static JsonObject Full(StoredWorkflowVersion v)
    {
        var json = Summary(v);
        json["definition"] = JsonNode.Parse(v.DefinitionJson);
        return json;
    }

    public static JsonArray Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
        new(diagnostics.Select(d => JsonSerializer.SerializeToNode(d, Web)).ToArray());
}
