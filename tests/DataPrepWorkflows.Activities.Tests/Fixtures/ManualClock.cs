namespace DataPrepWorkflows.Activities.Tests.Fixtures;

/// <summary>A clock that moves only when told; timers are real timers of the base provider (none are used with it).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A clock on which every timer is already due: a job timeout fires as soon as it is armed.</summary>
public sealed class ElapsedTimersClock : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
}
