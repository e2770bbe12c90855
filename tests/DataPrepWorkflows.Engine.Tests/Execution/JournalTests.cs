using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class JournalTests
{
    [Fact]
    public async Task EveryActivity_IsScheduledStartedAndCompleted_InOrder_WithMonotonicSequence()
    {
        var h = new Harness();
        var wf = Workflow("journal", Act("a", "Record", new { text = "x" }, "b"), Act("b", "Noop"));

        var result = await h.StartAsync(wf);

        Assert.Equal(
            ["WorkflowStarted", "Scheduled:a", "Started:a", "Completed:a", "Scheduled:b", "Started:b", "Completed:b", "WorkflowFinished"],
            result.Journal.Select(e => e.ActivityId is null ? e.Event.ToString() : $"{e.Event}:{e.ActivityId}"));
        Assert.Equal(Enumerable.Range(1, result.Journal.Count).Select(i => (long)i), result.Journal.Select(e => e.Sequence));
        Assert.All(result.Journal, e => Assert.Equal("i-1", e.WorkflowInstanceId));
        Assert.Equal(result.Journal, h.Observed);

        var completed = result.Journal.Single(e => e.Event == JournalEvent.Completed && e.ActivityId == "a");
        Assert.Equal("Record", completed.ActivityType);
        Assert.Equal(1, completed.Attempt);
        Assert.Equal(TimeSpan.Zero, completed.Duration);
        Assert.Equal("""{"value":"x"}""", completed.Outputs!.ToJsonString());
        Assert.Equal(["Done"], completed.Outcomes!);
        Assert.Equal("""{"text":"x"}""", result.Journal.Single(e => e.Event == JournalEvent.Started && e.ActivityId == "a").Inputs!.ToJsonString());
    }

    [Fact]
    public async Task SequenceNumbers_ContinueAcrossCalls()
    {
        var h = new Harness();
        var wf = Workflow("calls", Act("wait", "WaitSignal", null, "after"), Act("after", "Noop"));

        var first = await h.StartAsync(wf);
        var second = await h.Engine.ResumeAsync(wf, first.State, first.Bookmarks[0].Id);

        Assert.Equal(first.Journal[^1].Sequence + 1, second.Journal[0].Sequence);
        Assert.Equal(JournalEvent.WorkflowResumed, second.Journal[0].Event);
        Assert.Contains(second.Journal, e => e.Event == JournalEvent.Resumed && e.ActivityId == "wait");
    }

    [Fact]
    public async Task SecretInputs_AreRedactedInTheJournal_ButReachTheActivity()
    {
        var h = new Harness();
        var wf = Workflow("secret", Act("login", "Login", new { user = "ana", password = "=inputs.pw" }));

        var result = await h.StartAsync(wf, new JsonObject { ["pw"] = "hunter2" });

        var started = result.Journal.Single(e => e.Event == JournalEvent.Started);
        Assert.Equal("""{"user":"ana","password":"***"}""", started.Inputs!.ToJsonString());
        Assert.Equal(7, result.Activity("login").Outputs!["passwordLength"]!.GetValue<int>());
        Assert.DoesNotContain(h.Observed, e => (e.Inputs?.ToJsonString() ?? "").Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LogActivity_WritesToTheJournal_WithItsLevel()
    {
        var h = new Harness();
        var wf = Workflow("log", Act("say", "Log", new { message = "rows: ${inputs.rows}", level = "Warning" }));

        var result = await h.StartAsync(wf, new JsonObject { ["rows"] = 42 });

        var log = result.Journal.Single(e => e.Event == JournalEvent.Log);
        Assert.Equal("rows: 42", log.Message);
        Assert.Equal("Warning", log.Level);
        Assert.Equal("say", log.ActivityId);
    }

    [Fact]
    public async Task Timestamps_ComeFromTheEnginesClock()
    {
        var h = new Harness();
        var wf = Workflow("clock", Act("pause", "Delay", new { duration = "PT2M" }, "after"), Act("after", "Noop"));
        var suspended = await h.StartAsync(wf);
        var start = h.Clock.GetUtcNow();

        h.Clock.Advance(TimeSpan.FromMinutes(2));
        var result = await h.Engine.RunDueTimersAsync(wf, suspended.State);

        Assert.All(suspended.Journal, e => Assert.Equal(start, e.Timestamp));
        Assert.All(result.Journal, e => Assert.Equal(start.AddMinutes(2), e.Timestamp));
        Assert.Equal(TimeSpan.FromMinutes(2), result.Journal.Single(e => e.Event == JournalEvent.Completed && e.ActivityId == "pause").Duration);
    }
}
