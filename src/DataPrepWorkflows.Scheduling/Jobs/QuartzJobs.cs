using System.Globalization;
using DataPrepWorkflows.Scheduling.Schedules;
using Quartz;

namespace DataPrepWorkflows.Scheduling.Jobs;

/// <summary>
/// Turns a schedule into a Quartz job and its triggers (two for a Unix cron that OR-s its day fields), with the
/// misfire instruction that implements the <see cref="MisfirePolicy"/>.
/// </summary>
internal static class QuartzJobs
{
    /// <summary>What a stored trigger must carry to be left alone on a re-sync (so restarts keep its state).</summary>
    public static string Fingerprint(ScheduledTrigger trigger, MisfirePolicy policy) =>
        $"{policy}|{trigger.PayloadJson}";

    public static IJobDetail Job(ScheduledTrigger trigger) =>
        JobBuilder.Create<ScheduledStartJob>()
            .WithIdentity(trigger.JobName, ScheduledTrigger.Group)
            .WithDescription(trigger.PayloadJson)
            .StoreDurably(false)
            .Build();

    public static IReadOnlyCollection<ITrigger> Triggers(ScheduledTrigger trigger, MisfirePolicy policy, DateTimeOffset now)
    {
        var fingerprint = Fingerprint(trigger, policy);
        var spec = trigger.Spec;
        TriggerBuilder Base(int part) => TriggerBuilder.Create()
            .WithIdentity(string.Create(CultureInfo.InvariantCulture, $"{trigger.JobName}#{part}"), ScheduledTrigger.Group)
            .WithDescription(fingerprint)
            .ForJob(trigger.JobName, ScheduledTrigger.Group);

        switch (spec.Kind)
        {
            case ScheduleKind.Cron:
                ScheduleTimeZone.TryFind(spec.TimeZone, out var zone);
                return [.. spec.QuartzExpressions.Select((expression, part) => Base(part)
                    .WithCronSchedule(expression, cron =>
                    {
                        cron.InTimeZone(zone);
                        _ = policy == MisfirePolicy.Skip
                            ? cron.WithMisfireHandlingInstructionDoNothing()
                            : cron.WithMisfireHandlingInstructionFireAndProceed();
                    })
                    .StartAt(now)
                    .Build())];
            case ScheduleKind.Timer:
                var (amount, unit) = spec.Interval.Ticks % TimeSpan.TicksPerSecond == 0 && spec.Interval.TotalSeconds <= int.MaxValue
                    ? ((int)spec.Interval.TotalSeconds, IntervalUnit.Second)
                    : ((int)spec.Interval.TotalMilliseconds, IntervalUnit.Millisecond);
                return [Base(0)
                    .WithCalendarIntervalSchedule(calendar =>
                    {
                        calendar.WithInterval(amount, unit);
                        _ = policy == MisfirePolicy.Skip
                            ? calendar.WithMisfireHandlingInstructionDoNothing()
                            : calendar.WithMisfireHandlingInstructionFireAndProceed();
                    })
                    .StartAt(ScheduleSlot.NextTimerSlot(spec, now))
                    .Build()];
            default:
                return [Base(0)
                    .WithSimpleSchedule(simple =>
                    {
                        simple.WithRepeatCount(0);
                        _ = policy == MisfirePolicy.Skip
                            ? simple.WithMisfireHandlingInstructionNextWithRemainingCount()
                            : simple.WithMisfireHandlingInstructionFireNow();
                    })
                    .StartAt(spec.Start!.Value)
                    .Build()];
        }
    }
}
