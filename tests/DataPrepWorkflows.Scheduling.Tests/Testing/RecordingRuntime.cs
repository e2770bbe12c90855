using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;

namespace DataPrepWorkflows.Scheduling.Tests.Testing;

/// <summary>
/// A runtime that records the starts it is asked for and accepts each deduplication key once (as the real work
/// queue does), with a signal to await a number of accepted starts instead of sleeping.
/// </summary>
internal sealed class RecordingRuntime(IRuntimeStore store) : IWorkflowRuntime
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly List<StartWorkflowRequest> _accepted = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly Lock _gate = new();

    public IRuntimeStore Store { get; } = store;

    public IReadOnlyList<StartWorkflowRequest> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public int AttemptsFor(string key) => _attempts.TryGetValue(key, out var n) ? n : 0;

    public int TotalAttempts => _attempts.Values.Sum();

    public Task<StartedInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        var key = request.Deduplication?.Key ?? Guid.NewGuid().ToString("N");
        var attempts = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        lock (_gate)
        {
            if (attempts > 1 && _accepted.Any(r => r.Deduplication?.Key == key))
            {
                return Task.FromResult(new StartedInstance("", 1, Duplicate: true));
            }

            _accepted.Add(request);
            foreach (var waiter in _waiters.Where(w => _accepted.Count >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }

            return Task.FromResult(new StartedInstance($"i-{_accepted.Count}", 1, Duplicate: false));
        }
    }

    /// <summary>Completes when <paramref name="count"/> starts were accepted in all; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForAcceptedAsync(int count, TimeSpan timeout)
    {
        Task signal;
        lock (_gate)
        {
            if (_accepted.Count >= count)
            {
                return Task.CompletedTask;
            }

            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, source));
            signal = source.Task;
        }

        return signal.WaitAsync(timeout);
    }

    public Task<bool> ResumeAsync(string bookmarkId, JsonNode? input, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RetryAsync(string instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<InstanceRecord?> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredWorkflowVersion> PublishAsync(string workflowId, int version, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> UnpublishAsync(string workflowId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
