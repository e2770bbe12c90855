namespace DataPrepWorkflows.Persistence;

/// <summary>
/// The runtime's persistence: SQLite (embedded default, one file under <c>.dataprep/</c>) or PostgreSQL (several
/// nodes). Opening a store applies its schema migrations first.
/// </summary>
public interface IRuntimeStore : IAsyncDisposable
{
    /// <summary>Which database: <c>sqlite</c> or <c>postgresql</c>.</summary>
    string Provider { get; }

    /// <summary>Workflow versions, drafts and publishing.</summary>
    IWorkflowDefinitionStore Definitions { get; }

    /// <summary>Instances (read side) and retention.</summary>
    IInstanceStore Instances { get; }

    /// <summary>Pending bookmarks and their atomic resumption.</summary>
    IBookmarkStore Bookmarks { get; }

    /// <summary>Journals.</summary>
    IJournalStore Journal { get; }

    /// <summary>Incidents.</summary>
    IIncidentStore Incidents { get; }

    /// <summary>The durable work queue with leases and deduplication.</summary>
    IWorkQueue Work { get; }

    /// <summary>The trigger index.</summary>
    ITriggerStore Triggers { get; }

    /// <summary>The audit log.</summary>
    IAuditLog Audit { get; }

    /// <summary>
    /// Commits an instance atomically (see <see cref="InstanceCommit"/>) and returns its new revision.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The revision moved on, the instance exists (when new) or the lease was lost.</exception>
    Task<long> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken);
}
