using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Finds workflow definitions by id for RunWorkflow (child workflows).</summary>
public interface IWorkflowDefinitionResolver
{
    /// <summary>The definition with <paramref name="workflowId"/> and <paramref name="version"/> (latest when null), or null.</summary>
    ValueTask<WorkflowDefinition?> ResolveAsync(string workflowId, int? version, CancellationToken cancellationToken);
}

/// <summary>A resolver over a fixed set of definitions (tests, the CLI's folder of workflows).</summary>
public sealed class InMemoryWorkflowDefinitionResolver : IWorkflowDefinitionResolver
{
    private readonly Dictionary<string, List<WorkflowDefinition>> _byId = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver over <paramref name="definitions"/>.</summary>
    public InMemoryWorkflowDefinitionResolver(IEnumerable<WorkflowDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var definition in definitions)
        {
            if (!_byId.TryGetValue(definition.Id, out var versions))
            {
                versions = [];
                _byId[definition.Id] = versions;
            }

            versions.Add(definition);
        }
    }

    /// <inheritdoc />
    public ValueTask<WorkflowDefinition?> ResolveAsync(string workflowId, int? version, CancellationToken cancellationToken)
    {
        WorkflowDefinition? found = null;
        if (_byId.TryGetValue(workflowId, out var versions))
        {
            foreach (var candidate in versions)
            {
                if (version is { } v ? candidate.Version == v : found is null || candidate.Version > found.Version)
                {
                    found = candidate;
                }
            }
        }

        return ValueTask.FromResult(found);
    }
}
