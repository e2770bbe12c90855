using System.Collections.Concurrent;

namespace DataPrepWorkflows.Runtime.Waiting;

/// <summary>Wakes callers waiting on an instance when this node commits it (other nodes' commits are seen by polling).</summary>
internal sealed class CommitNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the instance's next commit on this node.</summary>
    public Task NextCommit(string instanceId) =>
        _waiters.GetOrAdd(instanceId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Committed(string instanceId)
    {
        if (_waiters.TryRemove(instanceId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
