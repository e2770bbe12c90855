using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Definitions;

/// <summary>Child workflows (RunWorkflow) from the store: the given version, else the published one, else the latest.</summary>
internal sealed class StoreWorkflowResolver(DefinitionCache cache) : IWorkflowDefinitionResolver
{
    public async ValueTask<WorkflowDefinition?> ResolveAsync(string workflowId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v)
        {
            return (await cache.GetAsync(workflowId, VersionSelector.Exact(v), cancellationToken).ConfigureAwait(false))?.Definition;
        }

        var found = await cache.GetAsync(workflowId, VersionSelector.Published, cancellationToken).ConfigureAwait(false)
            ?? await cache.GetAsync(workflowId, VersionSelector.Latest, cancellationToken).ConfigureAwait(false);
        return found?.Definition;
    }
}
