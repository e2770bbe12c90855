using DataPrepWorkflows.Cli.Validate;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Cli.Run;

/// <summary>
/// Finds child workflows (for <c>RunWorkflow</c>) among the workflow files of a folder, by id and version. Files that
/// do not read cleanly are ignored here; <c>dataprep validate</c> reports them.
/// </summary>
internal sealed class FolderWorkflowResolver(string folder, ActivityRegistry registry) : IWorkflowDefinitionResolver
{
    private readonly Lazy<InMemoryWorkflowDefinitionResolver> _index = new(() => new InMemoryWorkflowDefinitionResolver(
        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(WorkflowFiles.IsWorkflowFile)
            .Select(f => WorkflowFile.ReadFile(f, registry))
            .Where(r => !r.HasErrors && r.Definition is not null)
            .Select(r => r.Definition!)));

    public ValueTask<WorkflowDefinition?> ResolveAsync(string workflowId, int? version, CancellationToken cancellationToken) =>
        _index.Value.ResolveAsync(workflowId, version, cancellationToken);
}
