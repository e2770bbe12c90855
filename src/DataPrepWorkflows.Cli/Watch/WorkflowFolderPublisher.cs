using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Cli.Watch;

/// <summary>
/// Publishes a folder's workflows into the embedded store, so their triggers enter the index. A file whose content is
/// already the published version is left as is (no new version on every start); a changed file becomes a new
/// published version.
/// </summary>
internal static class WorkflowFolderPublisher
{
    public static async Task<IReadOnlyList<StoredWorkflowVersion>> PublishAsync(EmbeddedRuntime runtime, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new UserError(WatchErrorCodes.WorkflowsFolderNotFound, $"--workflows: folder '{folder}' does not exist.");
        }

        var validator = new WorkflowValidator(runtime.Registry, runtime.Host.Expressions);
        var valid = new List<(string File, string Id, string Name, string Json)>();
        foreach (var file in WorkflowFiles.Expand([folder]))
        {
            var result = validator.ValidateFile(file);
            if (result.HasErrors || result.Definition is null)
            {
                var first = result.Diagnostics.First(d => d.IsError);
                throw new UserError(WatchErrorCodes.InvalidWorkflow, $"{first.ToString(file)} (run `dataprep validate {folder}` for every problem).");
            }

            if (valid.FirstOrDefault(v => v.Id == result.Definition.Id) is { File: { } other })
            {
                throw new UserError(WatchErrorCodes.DuplicateWorkflowId, $"'{file}' and '{other}' both have the id '{result.Definition.Id}'; ids must be unique.");
            }

            valid.Add((file, result.Definition.Id, result.Definition.Name, WorkflowWriter.Write(result.Definition, runtime.Registry)));
        }

        var published = new List<StoredWorkflowVersion>();
        foreach (var (_, id, name, json) in valid)
        {
            var current = await runtime.Store.Definitions.GetAsync(id, VersionSelector.Published, cancellationToken);
            if (current is not null && SameWorkflow(current.DefinitionJson, json))
            {
                published.Add(current);
                continue;
            }

            var draft = await runtime.Store.Definitions.SaveDraftAsync(id, name, json, null, "dataprep watch", cancellationToken);
            published.Add(await runtime.Node.PublishAsync(id, draft.Version, cancellationToken));
        }

        return published;
    }

    /// <summary>Equal apart from the version number, which the store rewrites.</summary>
    private static bool SameWorkflow(string storedJson, string fileJson)
    {
        if (JsonNode.Parse(storedJson) is not JsonObject stored || JsonNode.Parse(fileJson) is not JsonObject file)
        {
            return false;
        }

        stored.Remove("version");
        file.Remove("version");
        return JsonNode.DeepEquals(stored, file);
    }
}
