namespace DataPrepWorkflows.Persistence;

/// <summary>Reads instances' journals. Entries are appended by <see cref="IRuntimeStore.CommitAsync"/>.</summary>
public interface IJournalStore
{
    /// <summary>
    /// Entries written under the top-level instance <paramref name="rootInstanceId"/> (children included), in the
    /// order they were committed, after the position <paramref name="afterPosition"/> (0 for the beginning).
    /// </summary>
    Task<JournalPage> ReadAsync(string rootInstanceId, long afterPosition, int limit, CancellationToken cancellationToken);
}

/// <summary>A slice of a journal.</summary>
/// <param name="Entries">The entries in commit order.</param>
/// <param name="LastPosition">Pass back as <c>afterPosition</c> to read on (a live feed polls with it).</param>
public sealed record JournalPage(IReadOnlyList<JournalRecord> Entries, long LastPosition);
