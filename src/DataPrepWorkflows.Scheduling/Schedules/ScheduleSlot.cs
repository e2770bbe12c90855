using Quartz;

namespace DataPrepWorkflows.Scheduling.Schedules;

/// <summary>
/// The schedule's slot a fire belongs to: the latest instant on the schedule at or before the fire. A regular fire's
/// slot is its own scheduled time; a late catch-up fire (misfire "fire once now") gets the last missed slot. The
/// deduplication key is built from the slot, so two schedulers, or one restarted around a fire, that fire the same
/// slot start one run.
/// </summary>
internal static class ScheduleSlot
{
    public static DateTimeOffset Of(ScheduleSpec spec, DateTimeOffset fire) => spec.Kind switch
    {
        ScheduleKind.Timer => TimerSlot(spec, fire),
        ScheduleKind.StartAt => spec.Start!.Value,
        _ => CronSlot(spec, fire),
    };

    /// <summary>A timer's grid starts at its <c>start</c>, or at the Unix epoch so every node computes the same grid.</summary>
    public static DateTimeOffset TimerAnchor(ScheduleSpec spec) => spec.Start ?? DateTimeOffset.UnixEpoch;

    /// <summary>The first slot of a timer at or after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextTimerSlot(ScheduleSpec spec, DateTimeOffset now)
    {
        var anchor = TimerAnchor(spec);
        if (now <= anchor)
        {
            return anchor;
        }

        var slot = TimerSlot(spec, now);
        return slot == now ? slot : slot + spec.Interval;
    }

    private static DateTimeOffset TimerSlot(ScheduleSpec spec, DateTimeOffset fire)
    {
        var anchor = TimerAnchor(spec);
        if (fire <= anchor)
        {
            return anchor;
        }

        var periods = (fire - anchor).Ticks / spec.Interval.Ticks;
        return anchor + TimeSpan.FromTicks(periods * spec.Interval.Ticks);
    }

    private static DateTimeOffset CronSlot(ScheduleSpec spec, DateTimeOffset fire)
    {
        ScheduleTimeZone.TryFind(spec.TimeZone, out var zone);
        DateTimeOffset? best = null;
        foreach (var text in spec.QuartzExpressions)
        {
            var expression = new CronExpression(text) { TimeZone = zone };
            var slot = LatestAtOrBefore(expression, fire);
            if (slot is { } found && (best is null || found > best))
            {
                best = found;
            }
        }

        return best ?? fire;
    }

    private static DateTimeOffset? LatestAtOrBefore(CronExpression expression, DateTimeOffset fire)
    {
        // Look back in growing steps until a window holds a valid time, then walk forward to the last one in it.
        for (var back = TimeSpan.FromMinutes(2); back <= TimeSpan.FromDays(800); back *= 4)
        {
            var candidate = expression.GetTimeAfter(fire - back - TimeSpan.FromSeconds(1));
            if (candidate is null || candidate > fire)
            {
                continue;
            }

            var latest = candidate.Value;
            while (expression.GetTimeAfter(latest) is { } next && next <= fire)
            {
                latest = next;
            }

            return latest;
        }

        return null;
    }
}
