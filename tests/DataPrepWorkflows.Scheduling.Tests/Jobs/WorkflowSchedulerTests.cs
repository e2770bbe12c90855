using DataPrepWorkflows.Scheduling.Tests.Testing;

namespace DataPrepWorkflows.Scheduling.Tests.Jobs;

[Collection(QuartzCollection.Name)]
public sealed class WorkflowSchedulerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // Short enough that the 30 s backdated downtime counts as missed, long enough that a fire late under CPU load
    // does not (a skipped fire would make the test wait for nothing).
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Timer_Fires_StartsTheWorkflowWithASlotKey()
    {
        await using var bed = new ScheduleTestBed();
        await bed.PublishTimerAsync("nightly-clean", "1s");
        await bed.Scheduler().StartAsync(CancellationToken.None);

        await bed.Runtime.WaitForAcceptedAsync(2, ScheduleTestBed.Patience);

        var first = bed.Runtime.Accepted[0];
        var slot = ScheduleTestBed.SlotOf(first);
        Assert.Equal("nightly-clean", first.WorkflowId);
        Assert.Equal($"schedule:nightly-clean:0:{slot.UtcTicks}", first.Deduplication!.Key);
        Assert.Equal(0, slot.UtcTicks % TimeSpan.TicksPerSecond);
        Assert.Equal("Timer", first.Trigger!["type"]!.GetValue<string>());
        Assert.Equal(slot + Second, ScheduleTestBed.SlotOf(bed.Runtime.Accepted[1]));
    }

    [Fact]
    public async Task Cron_WithSeconds_FiresOnWholeSeconds()
    {
        await using var bed = new ScheduleTestBed();
        await bed.PublishCronAsync("every-second", "* * * * * ?");
        await bed.Scheduler().StartAsync(CancellationToken.None);

        await bed.Runtime.WaitForAcceptedAsync(2, ScheduleTestBed.Patience);

        // Quartz may run two due fires on two pool threads, so acceptance order need not be slot order.
        var slots = bed.Runtime.Accepted.Take(2).Select(ScheduleTestBed.SlotOf).Order().ToList();
        Assert.All(slots, s => Assert.Equal(0, s.UtcTicks % TimeSpan.TicksPerSecond));
        Assert.Equal(Second, slots[1] - slots[0]);
    }

    [Fact]
    public async Task RestartsAroundFireTimes_EverySlotStartsExactlyOneRun()
    {
        await using var bed = new ScheduleTestBed();
        await bed.PublishTimerAsync("restartable", "1s");

        for (var round = 1; round <= 3; round++)
        {
            var scheduler = bed.Scheduler();
            await scheduler.StartAsync(CancellationToken.None);
            await bed.Runtime.WaitForAcceptedAsync(round * 2, ScheduleTestBed.Patience);
            await scheduler.StopAsync(CancellationToken.None);
        }

        var slots = bed.Runtime.Accepted.Select(ScheduleTestBed.SlotOf).ToList();
        Assert.Equal(slots.Count, slots.Distinct().Count());
        var ordered = slots.Order().ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            // No slot skipped across the restarts (they are quicker than the misfire threshold), none run twice.
            Assert.Equal(Second, ordered[i] - ordered[i - 1]);
        }
    }

    [Fact]
    public async Task TwoSchedulersOnOneFile_BothFire_EachSlotStartsOnce()
    {
        await using var bed = new ScheduleTestBed();
        await bed.PublishTimerAsync("shared", "1s");
        await bed.Scheduler("a").StartAsync(CancellationToken.None);
        await bed.Scheduler("b").StartAsync(CancellationToken.None);

        await bed.Runtime.WaitForAcceptedAsync(3, ScheduleTestBed.Patience);
        await bed.DisposeAsync();

        var keys = bed.Runtime.Accepted.Select(r => r.Deduplication!.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains(keys, k => bed.Runtime.AttemptsFor(k) == 2);
        Assert.All(keys, k => Assert.InRange(bed.Runtime.AttemptsFor(k), 1, 2));
    }

    [Fact]
    public async Task MissedFires_WithFireOnceNow_StartOneCatchUpRunThenKeepTheGrid()
    {
        await using var bed = new ScheduleTestBed();
        await bed.PublishTimerAsync("catch-up", "2s");
        var first = bed.Scheduler();
        await first.StartAsync(CancellationToken.None);
        await bed.Runtime.WaitForAcceptedAsync(1, ScheduleTestBed.Patience);
        await first.StopAsync(CancellationToken.None);
        await bed.BackdateNextFiresAsync(TimeSpan.FromSeconds(30));

        var restartedAt = DateTimeOffset.UtcNow;
        await bed.Scheduler(misfireThreshold: Threshold).StartAsync(CancellationToken.None);
        await bed.Runtime.WaitForAcceptedAsync(3, ScheduleTestBed.Patience);

        var catchUp = bed.Runtime.Accepted[1];
        var next = bed.Runtime.Accepted[2];
        Assert.True(ScheduleTestBed.FireTimeOf(catchUp) >= restartedAt - Second, "the catch-up fire happens after the restart");
        Assert.True(ScheduleTestBed.SlotOf(catchUp) <= ScheduleTestBed.FireTimeOf(catchUp), "it belongs to the last missed slot");
        Assert.Equal(TimeSpan.FromSeconds(2), ScheduleTestBed.SlotOf(next) - ScheduleTestBed.SlotOf(catchUp));
        Assert.Equal(0, (ScheduleTestBed.SlotOf(next) - ScheduleTestBed.SlotOf(bed.Runtime.Accepted[0])).Ticks % TimeSpan.FromSeconds(2).Ticks);
    }

    [Fact]
    public async Task MissedFires_WithSkip_StartNothingUntilTheNextSlot()
    {
        await using var bed = new ScheduleTestBed();
        await bed.PublishTimerAsync("skipper", "2s");
        var first = bed.Scheduler(policy: MisfirePolicy.Skip);
        await first.StartAsync(CancellationToken.None);
        await bed.Runtime.WaitForAcceptedAsync(1, ScheduleTestBed.Patience);
        await first.StopAsync(CancellationToken.None);
        await bed.BackdateNextFiresAsync(TimeSpan.FromSeconds(30));

        var restartedAt = DateTimeOffset.UtcNow;
        await bed.Scheduler(policy: MisfirePolicy.Skip, misfireThreshold: Threshold).StartAsync(CancellationToken.None);
        await bed.Runtime.WaitForAcceptedAsync(2, ScheduleTestBed.Patience);

        Assert.True(ScheduleTestBed.SlotOf(bed.Runtime.Accepted[1]) > restartedAt, "no run for the missed slots");
    }

    [Fact]
    public async Task Sync_FollowsTheIndex_KeepsUnchangedJobs_ReplacesChangedOnes_RemovesUnpublished()
    {
        await using var bed = new ScheduleTestBed();
        await bed.PublishTimerAsync("kept", "1h");
        await bed.PublishTimerAsync("changed", "1h");
        await bed.PublishTimerAsync("removed", "1h");
        var scheduler = bed.Scheduler();
        await scheduler.StartAsync(CancellationToken.None);
        Assert.Equal(["changed#0", "kept#0", "removed#0"], await bed.JobNamesAsync());

        Assert.False(await scheduler.SyncAsync(CancellationToken.None));
        await bed.PublishTimerAsync("changed", "PT2H");
        await bed.Index.ReplaceAsync("removed", [], CancellationToken.None);
        Assert.True(await scheduler.SyncAsync(CancellationToken.None));

        Assert.Equal(["changed#0", "kept#0"], await bed.JobNamesAsync());
        Assert.Equal(0, await bed.NextFireTicksAsync() % TimeSpan.FromHours(1).Ticks);
    }
}
