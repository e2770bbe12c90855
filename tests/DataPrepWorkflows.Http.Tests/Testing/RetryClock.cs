using System.Collections.Concurrent;

namespace DataPrepWorkflows.Http.Tests.Testing;

/// <summary>
/// A clock whose short timers (retry delays) fire at once and are recorded, and whose long ones (attempt timeouts set
/// far away by the test) never fire: retries are tested without waiting.
/// </summary>
internal sealed class RetryClock : TimeProvider
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime >= Never)
        {
            return new IdleTimer();
        }

        Delays.Enqueue(dueTime);
        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private sealed class IdleTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
