using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class RetryTests
{
    /// <summary>Drives the instance through its retry timers, returning the wait before each retry.</summary>
    private static async Task<(WorkflowRunResult Result, List<TimeSpan> Waits)> RunThroughRetriesAsync(Harness h, WorkflowDefinition wf)
    {
        var waits = new List<TimeSpan>();
        var result = await h.StartAsync(wf);
        while (result.Status == WorkflowStatus.Suspended && result.State.NextTimerDue() is { } due)
        {
            waits.Add(due - h.Clock.GetUtcNow());
            h.Clock.AdvanceTo(due);
            result = await h.Engine.RunDueTimersAsync(wf, result.State);
        }

        return (result, waits);
    }

    [Fact]
    public async Task Waits_FollowIntervalTimesBackoffRate_ExactlyOnTheClock()
    {
        var h = new Harness();
        var wf = Workflow("retry", Act("flaky", "Flaky", new { failures = 3 })
            .With(new Retrier(["Test.Boom"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 3.0)));

        var (result, waits) = await RunThroughRetriesAsync(h, wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(18)], waits);
        Assert.Equal(4, result.Activity("flaky").Attempt);
        Assert.Equal(4, result.Activity("flaky").Outputs!["attempt"]!.GetValue<int>());
        Assert.Equal([3], result.Activity("flaky").RetryAttempts!);
    }

    [Fact]
    public async Task MaxDelaySeconds_CapsTheWait()
    {
        var h = new Harness();
        var wf = Workflow("cap", Act("flaky", "Flaky", new { failures = 4 })
            .With(new Retrier(["States.ALL"], IntervalSeconds: 10, MaxAttempts: 4, BackoffRate: 4.0, MaxDelaySeconds: 100)));

        var (_, waits) = await RunThroughRetriesAsync(h, wf);

        Assert.Equal([10, 40, 100, 100], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task EachRetrier_KeepsItsOwnCounter_AndTheFirstMatchingOneIsUsed()
    {
        var h = new Harness();
        // Fails 2× with Test.Boom (retrier 1 matches); the first retrier matches only Test.Other.
        var wf = Workflow("counters", Act("flaky", "Flaky", new { failures = 2 })
            .With(new Retrier(["Test.Other"], IntervalSeconds: 1, MaxAttempts: 5))
            .With(new Retrier(["Test.Boom"], IntervalSeconds: 7, MaxAttempts: 2, BackoffRate: 1.0))
            .With(new Retrier(["States.ALL"], IntervalSeconds: 1, MaxAttempts: 9)));

        var (result, waits) = await RunThroughRetriesAsync(h, wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal([7, 7], waits.Select(w => w.TotalSeconds));
        Assert.Equal([0, 2, 0], result.Activity("flaky").RetryAttempts!);
    }

    [Fact]
    public async Task ExhaustedRetrier_GoesToCatch_WithoutTryingLaterRetriers()
    {
        var h = new Harness();
        var wf = Workflow("exhausted",
            Act("flaky", "Flaky", null)
                .With(new Retrier(["Test.Boom"], IntervalSeconds: 1, MaxAttempts: 1))
                .With(new Retrier(["States.ALL"], IntervalSeconds: 1, MaxAttempts: 5))
                .Catching("handler"),
            Act("handler", "Record"));

        var (result, waits) = await RunThroughRetriesAsync(h, wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Single(waits);
        Assert.Equal(2, h.Recorder.Count("flaky"));
        Assert.Equal(1, h.Recorder.Count("handler"));
    }

    [Fact]
    public async Task MaxAttemptsZero_NeverRetries()
    {
        var h = new Harness();
        var wf = Workflow("zero", Act("flaky", "Flaky", null).With(new Retrier(["States.ALL"], MaxAttempts: 0)));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(1, h.Recorder.Count("flaky"));
    }

    [Fact]
    public async Task TaskFailed_MatchesUnexpectedExceptions_ButNotTimeouts()
    {
        Assert.True(RetryPolicy.Matches(["States.TaskFailed"], "States.TaskFailed"));
        Assert.True(RetryPolicy.Matches(["States.TaskFailed"], "Glue.JobRunFailed"));
        Assert.False(RetryPolicy.Matches(["States.TaskFailed"], "States.Timeout"));
        Assert.True(RetryPolicy.Matches(["States.ALL"], "States.Timeout"));
        Assert.False(RetryPolicy.Matches(["Test.Other"], "Test.Boom"));

        var h = new Harness();
        var wf = Workflow("crash", Act("flaky", "Flaky", new { failures = 1, error = "crash" })
            .With(new Retrier(["States.TaskFailed"], IntervalSeconds: 1, MaxAttempts: 1)));
        var (result, waits) = await RunThroughRetriesAsync(h, wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var faulted = Assert.Single(h.Observed, e => e.Event == JournalEvent.Faulted);
        Assert.Equal(ActivityError.TaskFailed, faulted.Error!.Error);
        Assert.Equal("crash 1", faulted.Error.Cause);
        Assert.Single(waits);
    }

    [Fact]
    public void FullJitter_StaysWithinZeroAndTheComputedWait()
    {
        var retrier = new Retrier(["States.ALL"], IntervalSeconds: 3, MaxAttempts: 5, BackoffRate: 2.0, MaxDelaySeconds: 20, JitterStrategy: JitterStrategy.Full);
        var random = new Random(42);
        var seen = new HashSet<double>();
        for (var retry = 1; retry <= 5; retry++)
        {
            var cap = Math.Min(3 * Math.Pow(2, retry - 1), 20);
            for (var i = 0; i < 200; i++)
            {
                var wait = RetryPolicy.Wait(retrier, retry, random).TotalSeconds;
                Assert.InRange(wait, 0, cap);
                seen.Add(wait);
            }
        }

        Assert.True(seen.Count > 100, "jitter should spread the waits");
    }

    [Fact]
    public async Task RetryWait_IsADurableTimer_RecordedInStateAndJournal()
    {
        var h = new Harness();
        var wf = Workflow("durable", Act("flaky", "Flaky", new { failures = 1 })
            .With(new Retrier(["States.ALL"], IntervalSeconds: 30, MaxAttempts: 2)));

        var result = await h.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        Assert.Equal(ActivityStatus.Retrying, result.Activity("flaky").Status);
        var timer = Assert.Single(result.State.Bookmarks);
        Assert.Equal(BookmarkKind.Retry, timer.Kind);
        Assert.Equal(h.Clock.GetUtcNow().AddSeconds(30), timer.Bookmark.ResumeAt);
        var retried = Assert.Single(result.Journal, e => e.Event == JournalEvent.Retried);
        Assert.Equal(timer.Bookmark.ResumeAt, retried.ResumeAt);

        h.Clock.Advance(TimeSpan.FromSeconds(29));
        var early = await h.Engine.RunDueTimersAsync(wf, result.State);
        Assert.Equal(WorkflowStatus.Suspended, early.Status);
        Assert.Equal(1, h.Recorder.Count("flaky"));
    }
}
