using System.Collections.Concurrent;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Definitions;

/// <summary>
/// Stored workflow versions parsed once: keyed by id, version and last save time, so a draft saved again is parsed
/// again while a published version is parsed once per node (and the engine compiles it once).
/// </summary>
internal sealed class DefinitionCache(IRuntimeStore store, ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<(string Id, int Version), (DateTimeOffset UpdatedAt, WorkflowDefinition Definition)> _parsed = new();

    /// <summary>The stored version and its definition, or <c>null</c> when the version does not exist.</summary>
    /// <exception cref="StoredDefinitionException">The stored JSON does not read as a workflow.</exception>
    public async Task<(StoredWorkflowVersion Stored, WorkflowDefinition Definition)?> GetAsync(string workflowId, VersionSelector selector, CancellationToken cancellationToken)
    {
        var stored = await store.Definitions.GetAsync(workflowId, selector, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : (stored, Parse(stored));
    }

    public WorkflowDefinition Parse(StoredWorkflowVersion stored)
    {
        var key = (stored.WorkflowId, stored.Version);
        if (_parsed.TryGetValue(key, out var cached) && cached.UpdatedAt == stored.UpdatedAt)
        {
            return cached.Definition;
        }

        var read = WorkflowFile.Read(stored.DefinitionJson, registry);
        if (read.Definition is null || read.HasErrors)
        {
            var first = read.Diagnostics.FirstOrDefault(d => d.IsError);
            throw new StoredDefinitionException($"Workflow '{stored.WorkflowId}' v{stored.Version} in the store does not read as a workflow: {first?.ToString() ?? "no definition"}.");
        }

        _parsed[key] = (stored.UpdatedAt, read.Definition);
        return read.Definition;
    }
}

/// <summary>A stored workflow version cannot be read.</summary>
public sealed class StoredDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoredDefinitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoredDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StoredDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
