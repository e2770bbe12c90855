using DataPrepWorkflows.Scheduling.Jobs;
using DataPrepWorkflows.Scheduling.Schedules;
using Quartz;

namespace DataPrepWorkflows.Scheduling.Tests.Cron;

/// <summary>
/// How a cron schedule in a zone with daylight-saving time fires around the changes (Europe/Paris: 2026-03-29 02:00
/// jumps to 03:00; 2026-10-25 03:00 goes back to 02:00).
/// </summary>
public sealed class TimeZoneTests
{
    private static ITrigger CronTrigger(string cron, string zone)
    {
        var (spec, problems) = ScheduleSpec.Create(ScheduleKind.Cron, name => name switch
        {
            "cron" => cron,
            "timeZone" => zone,
            _ => null,
        });
        Assert.Empty(problems);
        var trigger = new ScheduledTrigger("wf", 0, spec!, spec!.ToPayload().ToJsonString());
        return QuartzJobs.Triggers(trigger, MisfirePolicy.FireOnceNow, DateTimeOffset.Parse("2026-01-01T00:00:00Z")).Single();
    }

    [Fact]
    public void DailyAtSix_InParis_IsSixLocalOnBothSidesOfTheChange()
    {
        var trigger = CronTrigger("0 6 * * *", "Europe/Paris");

        var winter = trigger.GetFireTimeAfter(DateTimeOffset.Parse("2026-03-28T00:00:00Z"));
        var summer = trigger.GetFireTimeAfter(winter);

        Assert.Equal(DateTimeOffset.Parse("2026-03-28T05:00:00Z"), winter);
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T04:00:00Z"), summer);
    }

    [Fact]
    public void TimeInTheSpringGap_FiresOnceThatDay_AnHourLater()
    {
        var trigger = CronTrigger("30 2 * * *", "Europe/Paris");

        var before = trigger.GetFireTimeAfter(DateTimeOffset.Parse("2026-03-27T12:00:00Z"))!.Value;
        var next = trigger.GetFireTimeAfter(before)!.Value;

        // 02:30 does not exist on 29 March: Quartz fires an hour later, at 03:30 CEST (01:30 UTC), and no day fires twice.
        Assert.Equal(DateTimeOffset.Parse("2026-03-28T01:30:00Z"), before);
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:30:00Z"), next);
        var fires = new List<DateTimeOffset> { before, next };
        while (fires[^1] < DateTimeOffset.Parse("2026-04-01T00:00:00Z"))
        {
            fires.Add(trigger.GetFireTimeAfter(fires[^1])!.Value);
        }

        Assert.Equal(fires.Count, fires.Select(f => TimeZoneInfo.ConvertTime(f, Paris).Date).Distinct().Count());
    }

    [Fact]
    public void TimeInTheAutumnOverlap_FiresOnce()
    {
        var trigger = CronTrigger("30 2 * * *", "Europe/Paris");

        var fires = new List<DateTimeOffset> { trigger.GetFireTimeAfter(DateTimeOffset.Parse("2026-10-24T12:00:00Z"))!.Value };
        while (fires[^1] < DateTimeOffset.Parse("2026-10-26T12:00:00Z"))
        {
            fires.Add(trigger.GetFireTimeAfter(fires[^1])!.Value);
        }

        var onOverlapDay = fires.Where(f => TimeZoneInfo.ConvertTime(f, Paris).Date == new DateTime(2026, 10, 25)).ToList();
        Assert.Single(onOverlapDay);
    }

    [Fact]
    public void SameCron_InNewYork_FollowsNewYorksChange()
    {
        var trigger = CronTrigger("0 9 * * *", "America/New_York");

        var before = trigger.GetFireTimeAfter(DateTimeOffset.Parse("2026-03-07T00:00:00Z"));
        var after = trigger.GetFireTimeAfter(DateTimeOffset.Parse("2026-03-08T12:00:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-03-07T14:00:00Z"), before);
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T13:00:00Z"), after);
    }

    private static TimeZoneInfo Paris => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
}
