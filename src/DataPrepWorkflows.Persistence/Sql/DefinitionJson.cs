using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>Sets a workflow file's <c>version</c> field to the number the store gave it, keeping the rest as written.</summary>
internal static class DefinitionJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string WithVersion(string definitionJson, int version)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(definitionJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The workflow definition is not valid JSON: {e.Message}", nameof(definitionJson), e);
        }

        if (root is not JsonObject workflow)
        {
            throw new ArgumentException("The workflow definition must be a JSON object.", nameof(definitionJson));
        }

        workflow["version"] = version;
        return definitionJson.Contains('\n', StringComparison.Ordinal) ? workflow.ToJsonString(Indented) : workflow.ToJsonString();
    }
}
