namespace DataPrepWorkflows.Labeling.Tests.Fixtures;

/// <summary>A clock that moves only when told.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 2, 10, 15, 30, 123, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
