using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Execution;

/// <summary>
/// Commits running instances at the engine's checkpoints, following the commit strategy. The engine is shared by
/// every run on the node; the run's <see cref="RunSlot"/> travels with the call through an async-local.
/// </summary>
internal sealed class RunCheckpointer(IRuntimeStore store, RuntimeOptions options, TimeProvider clock, Action<string> committed) : IWorkflowCheckpointer
{
    private static readonly AsyncLocal<RunSlot?> CurrentSlot = new();

    public static RunSlot? Current
    {
        get => CurrentSlot.Value;
        set => CurrentSlot.Value = value;
    }

    public bool ShouldCheckpoint(WorkflowInstanceState state, CheckpointReason reason)
    {
        if (Current is not { } slot)
        {
            return false;
        }

        return reason == CheckpointReason.BeforeUnsafeStep || options.CommitStrategy switch
        {
            CommitStrategy.EveryActivity => true,
            CommitStrategy.Interval => clock.GetUtcNow() - slot.LastCommitAt >= options.CommitInterval,
            _ => false,
        };
    }

    public async ValueTask CheckpointAsync(WorkflowCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var slot = Current ?? throw new InvalidOperationException("A checkpoint was offered outside a runtime call.");
        var now = clock.GetUtcNow();
        var state = checkpoint.State;
        var commit = new InstanceCommit
        {
            Instance = CommitMapper.Instance(state, checkpoint.StateJson, slot.Revision, slot.GitCommit, now),
            IsNew = slot.IsNew,
            Bookmarks = CommitMapper.Bookmarks(state),
            StoredNoBookmarks = slot.StoredNoBookmarks,
            Journal = CommitMapper.Journal(state.InstanceId, checkpoint.Journal),
            Work = new WorkItemProgress(slot.Item.Id, slot.NodeId, Done: false),
        };
        slot.Revision = await store.CommitAsync(commit, CancellationToken.None).ConfigureAwait(false);
        slot.IsNew = false;
        slot.StoredNoBookmarks = commit.Bookmarks.Count == 0;
        slot.JournalCommitted += checkpoint.Journal.Count;
        slot.LastCommitAt = now;
        committed(state.InstanceId);
    }
}
