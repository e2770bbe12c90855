namespace DataPrepWorkflows.Persistence;

/// <summary>The append-only audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends a record.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Records newest first, optionally of one actor or target.</summary>
    Task<Page<AuditRecord>> ListAsync(string? actor, string? target, int pageSize, string? pageToken, CancellationToken cancellationToken);
}
