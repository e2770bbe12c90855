namespace DataPrepWorkflows.Persistence;

/// <summary>
/// Everything one commit writes, in one transaction: the instance row and state document, the instance's complete
/// set of pending bookmarks (replacing the previous set), new journal entries and incidents, new work items, and the
/// fate of the work item being applied.
/// </summary>
public sealed record InstanceCommit
{
    /// <summary>
    /// The instance. Its <see cref="InstanceRecord.Revision"/> is the revision this commit builds on (0 when
    /// <see cref="IsNew"/>); the store writes revision + 1.
    /// </summary>
    public required InstanceRecord Instance { get; init; }

    /// <summary>Whether the instance row is created by this commit (fails if it exists).</summary>
    public bool IsNew { get; init; }

    /// <summary>The instance's pending bookmarks after the commit (replaces the stored set).</summary>
    public IReadOnlyList<BookmarkRecord> Bookmarks { get; init; } = [];

    /// <summary>
    /// Whether the caller knows the instance has no stored bookmarks before this commit: its previous commit, made by
    /// the same caller under the same lease, stored none (only an instance's own commits store bookmarks, and a stale
    /// caller's commit fails on its revision). With <see cref="Bookmarks"/> empty too, the store leaves the set alone
    /// instead of deleting what is not there. False (the default) always replaces the set.
    /// </summary>
    public bool StoredNoBookmarks { get; init; }

    /// <summary>Journal entries to append.</summary>
    public IReadOnlyList<JournalRecord> Journal { get; init; } = [];

    /// <summary>Incidents to record.</summary>
    public IReadOnlyList<IncidentRecord> Incidents { get; init; } = [];

    /// <summary>Work items to enqueue (timers, notifications to a parent).</summary>
    public IReadOnlyList<WorkItemRecord> Enqueue { get; init; } = [];

    /// <summary>The work item being applied, or <c>null</c>.</summary>
    public WorkItemProgress? Work { get; init; }
}

/// <summary>What a commit does to the work item being applied.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="NodeId">The node that must still own its lease (otherwise the commit fails).</param>
/// <param name="Done">True: the item is deleted. False: it is marked applied (a mid-run commit) and stays leased.</param>
public sealed record WorkItemProgress(string ItemId, string NodeId, bool Done);
