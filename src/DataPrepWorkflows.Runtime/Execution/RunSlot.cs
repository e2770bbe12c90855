using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Execution;

/// <summary>What one node knows about the work item it is applying: the lease, the revision it builds on, what it committed so far.</summary>
internal sealed class RunSlot(WorkItemRecord item, string nodeId, long revision, bool isNew, string? gitCommit, DateTimeOffset lastCommitAt)
{
    public WorkItemRecord Item { get; } = item;

    public string NodeId { get; } = nodeId;

    public long Revision { get; set; } = revision;

    public bool IsNew { get; set; } = isNew;

    public string? GitCommit { get; } = gitCommit;

    /// <summary>Journal entries of the current engine call already committed by checkpoints.</summary>
    public int JournalCommitted { get; set; }

    public DateTimeOffset LastCommitAt { get; set; } = lastCommitAt;

    /// <summary>Whether this node's last commit of the instance stored no bookmarks (false until it commits).</summary>
    public bool StoredNoBookmarks { get; set; }

    /// <summary>Cancelled when a user cancels the instance while this node runs it (the engine records the cancellation).</summary>
    public CancellationTokenSource Cancellation { get; } = new();
}
