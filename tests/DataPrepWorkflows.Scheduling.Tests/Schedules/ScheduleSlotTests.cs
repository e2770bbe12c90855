using DataPrepWorkflows.Scheduling.Schedules;

namespace DataPrepWorkflows.Scheduling.Tests.Schedules;

public sealed class ScheduleSlotTests
{
    private static ScheduleSpec Spec(string kind, params (string Name, string Value)[] inputs) =>
        ScheduleSpec.Create(kind, name => inputs.FirstOrDefault(i => i.Name == name).Value).Spec!;

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Timer_WithoutStart_UsesAGridEveryNodeAgreesOn()
    {
        var spec = Spec("Timer", ("interval", "15m"));

        Assert.Equal(At("2026-05-01T10:15:00Z"), ScheduleSlot.Of(spec, At("2026-05-01T10:29:59Z")));
        Assert.Equal(At("2026-05-01T10:30:00Z"), ScheduleSlot.NextTimerSlot(spec, At("2026-05-01T10:29:59Z")));
        Assert.Equal(At("2026-05-01T10:30:00Z"), ScheduleSlot.NextTimerSlot(spec, At("2026-05-01T10:30:00Z")));
    }

    [Fact]
    public void Timer_WithStart_CountsFromIt()
    {
        var spec = Spec("Timer", ("interval", "PT1H"), ("start", "2026-05-01T10:07:00Z"));

        Assert.Equal(At("2026-05-01T12:07:00Z"), ScheduleSlot.Of(spec, At("2026-05-01T12:59:00Z")));
        Assert.Equal(At("2026-05-01T10:07:00Z"), ScheduleSlot.NextTimerSlot(spec, At("2026-04-01T00:00:00Z")));
    }

    [Fact]
    public void Cron_LateFire_BelongsToTheLastMissedSlot()
    {
        var spec = Spec("Cron", ("cron", "*/5 * * * *"), ("timeZone", "UTC"));

        Assert.Equal(At("2026-05-01T10:05:00Z"), ScheduleSlot.Of(spec, At("2026-05-01T10:05:00Z")));
        Assert.Equal(At("2026-05-01T10:15:00Z"), ScheduleSlot.Of(spec, At("2026-05-01T10:17:42Z")));
    }

    [Fact]
    public void Cron_WithTwoExpressions_TakesTheLatestOfEither()
    {
        // 1st and 15th of the month, or Mondays: 2026-06-15 is a Monday and the 15th; 2026-06-22 is a Monday.
        var spec = Spec("Cron", ("cron", "0 6 1,15 * 1"), ("timeZone", "UTC"));

        Assert.Equal(At("2026-06-22T06:00:00Z"), ScheduleSlot.Of(spec, At("2026-06-25T00:00:00Z")));
        Assert.Equal(At("2026-06-15T06:00:00Z"), ScheduleSlot.Of(spec, At("2026-06-21T00:00:00Z")));
    }

    [Fact]
    public void StartAt_IsItsInstant()
    {
        var spec = Spec("StartAt", ("at", "2026-05-01T10:00:00+02:00"));

        Assert.Equal(At("2026-05-01T08:00:00Z"), ScheduleSlot.Of(spec, At("2026-05-03T00:00:00Z")));
    }
}
