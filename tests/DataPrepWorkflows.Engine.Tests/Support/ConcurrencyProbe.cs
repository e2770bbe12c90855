using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Tests.Support;

/// <summary>
/// Counts how many <see cref="Probe"/> activities run at once. Each holds until as many are running as could be
/// (the parallelism, or the items left), so the maximum observed is deterministic without sleeping.
/// </summary>
public sealed class ConcurrencyProbe(int parallelism, int total)
{
    private readonly object _gate = new();
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _current;
    private int _finished;

    public int MaxConcurrent { get; private set; }

    public List<int> Order { get; } = [];

    public Task EnterAsync(int index)
    {
        lock (_gate)
        {
            _current++;
            Order.Add(index);
            MaxConcurrent = Math.Max(MaxConcurrent, _current);
            var gate = _release;
            ReleaseIfFull();
            return gate.Task;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            _current--;
            _finished++;
            ReleaseIfFull();
        }
    }

    private void ReleaseIfFull()
    {
        if (_current > 0 && _current >= Math.Min(parallelism, total - _finished))
        {
            _release.TrySetResult();
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}

/// <summary>Enters the probe with its <c>index</c> input, holds asynchronously, then leaves.</summary>
[Activity("Probe", Category = "Test")]
public sealed class Probe : Activity
{
    [Input]
    public int Index { get; set; }

    [Output]
    public int Value { get; set; }

    protected internal override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var probe = (ConcurrencyProbe)context.Services.GetService(typeof(ConcurrencyProbe))!;
        await probe.EnterAsync(Index);
        probe.Exit();
        Value = Index * 10;
    }
}
