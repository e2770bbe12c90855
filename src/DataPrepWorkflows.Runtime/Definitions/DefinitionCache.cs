using System.Collections.Concurrent;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Definitions;

/// <summary>
/// Stored workflow versions parsed once: keyed by id, version and last save time, so a draft saved again is parsed
/// again while a published version is parsed once per node (and the engine compiles it once). Versions seen published
/// are also kept whole (a published version's JSON and Git commit never change: a later draft becomes a new
/// version), so a start or resume on this node reads no definition row for them; which version is published is kept
/// per workflow. Both are dropped when the trigger stamp moves (every publish and unpublish bumps it, on any node).
/// </summary>
internal sealed class DefinitionCache(IRuntimeStore store, ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<(string Id, int Version), (DateTimeOffset UpdatedAt, WorkflowDefinition Definition)> _parsed = new();
    private readonly ConcurrentDictionary<(string Id, int Version), (StoredWorkflowVersion Stored, WorkflowDefinition Definition)> _published = new();
    private readonly ConcurrentDictionary<string, int> _currentlyPublished = new(StringComparer.Ordinal);
    private readonly object _stampGate = new();
    private long? _stamp;

    /// <summary>
    /// Reads the trigger stamp and forgets the published versions when it moved since the last look (one small read,
    /// made once per claimed batch on a node and once per start through the API).
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        long? stamp = null;
        try
        {
            stamp = await store.Triggers.GetStampAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store failing here must not strand claimed items: with no stamp nothing is cached, every lookup reads.
        }

        Observe(stamp);
    }

    /// <summary>
    /// Takes a trigger stamp read elsewhere (a claim reads it in its transaction) as <see cref="RefreshAsync"/> takes
    /// the one it reads: the published versions are forgotten when it moved; <c>null</c> (unknown) keeps nothing.
    /// </summary>
    public void Observe(long? stamp)
    {
        lock (_stampGate)
        {
            if (_stamp == stamp)
            {
                return;
            }

            _published.Clear();
            _currentlyPublished.Clear();
            _stamp = stamp;
        }
    }

    /// <summary>The trigger stamp the cached published versions were read under; <c>null</c> before the first look.</summary>
    public long? Stamp
    {
        get
        {
            lock (_stampGate)
            {
                return _stamp;
            }
        }
    }

    /// <summary>Forgets the published versions of one workflow (this node published or unpublished it).</summary>
    public void Forget(string workflowId)
    {
        _currentlyPublished.TryRemove(workflowId, out _);
        foreach (var key in _published.Keys.Where(k => k.Id == workflowId))
        {
            _published.TryRemove(key, out _);
        }
    }

    /// <summary>The stored version and its definition, or <c>null</c> when the version does not exist.</summary>
    /// <exception cref="StoredDefinitionException">The stored JSON does not read as a workflow.</exception>
    public async Task<(StoredWorkflowVersion Stored, WorkflowDefinition Definition)?> GetAsync(string workflowId, VersionSelector selector, CancellationToken cancellationToken)
    {
        var version = selector.Kind switch
        {
            VersionKind.Exact => selector.Number,
            VersionKind.Published => _currentlyPublished.TryGetValue(workflowId, out var current) ? current : (int?)null,
            _ => null,
        };
        if (version is { } v && _published.TryGetValue((workflowId, v), out var kept))
        {
            return kept;
        }

        var stamp = _stamp;
        var stored = await store.Definitions.GetAsync(workflowId, selector, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var found = (stored, Parse(stored));
        if (stored.IsPublished && stamp is not null)
        {
            lock (_stampGate)
            {
                // Only what was read under the current stamp is kept: a publish seen since may have moved it.
                if (_stamp == stamp)
                {
                    _published[(workflowId, stored.Version)] = found;
                    _currentlyPublished[workflowId] = stored.Version;
                }
            }
        }

        return found;
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
