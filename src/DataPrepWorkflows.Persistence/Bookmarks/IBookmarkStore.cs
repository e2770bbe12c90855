namespace DataPrepWorkflows.Persistence;

/// <summary>Finds pending bookmarks and resumes them atomically. Bookmarks are written by <see cref="IRuntimeStore.CommitAsync"/>.</summary>
public interface IBookmarkStore
{
    /// <summary>Pending bookmarks matching every non-null filter.</summary>
    Task<IReadOnlyList<BookmarkRecord>> FindAsync(BookmarkQuery query, CancellationToken cancellationToken);

    /// <summary>The bookmark, or <c>null</c> when it is not pending.</summary>
    Task<BookmarkRecord?> GetAsync(string bookmarkId, CancellationToken cancellationToken);

    /// <summary>
    /// Resumes a bookmark exactly once: in one transaction, removes the pending bookmark and enqueues
    /// <paramref name="resume"/> (a <see cref="WorkKind.Resume"/> item). Of any number of concurrent callers for one
    /// bookmark, exactly one gets true; the others (and any later caller) get false and enqueue nothing.
    /// </summary>
    Task<bool> ResumeAsync(string bookmarkId, WorkItemRecord resume, CancellationToken cancellationToken);
}

/// <summary>Filters for <see cref="IBookmarkStore.FindAsync"/>.</summary>
public sealed record BookmarkQuery
{
    /// <summary>Only bookmarks of this activity type.</summary>
    public string? ActivityType { get; init; }

    /// <summary>Only bookmarks with this stimulus key.</summary>
    public string? Key { get; init; }

    /// <summary>Only bookmarks of this instance.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Only bookmarks of this workflow.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>At most this many. <value>1000</value></summary>
    public int Limit { get; init; } = 1000;
}
