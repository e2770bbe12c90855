using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class SuspendResumeTests
{
    /// <summary>
    /// Runs <paramref name="wf"/> to its end through its timers twice: once keeping the state object in one engine,
    /// once serialising the state at every suspension and resuming in a brand-new engine. Both must write the same
    /// journal and end in the same state.
    /// </summary>
    private static async Task<(string Uninterrupted, string Restarted, WorkflowRunResult Result)> RunBothWaysAsync(WorkflowDefinition wf, Func<Harness, WorkflowRunResult, Task<WorkflowRunResult>>? step = null)
    {
        step ??= async (h, r) =>
        {
            h.Clock.AdvanceTo(r.State.NextTimerDue()!.Value);
            return await h.Engine.RunDueTimersAsync(wf, r.State);
        };

        var one = new Harness();
        var journalOne = new List<JournalEntry>();
        var result = await one.StartAsync(wf);
        journalOne.AddRange(result.Journal);
        while (result.Status == WorkflowStatus.Suspended)
        {
            result = await step(one, result);
            journalOne.AddRange(result.Journal);
        }

        var two = new Harness();
        var journalTwo = new List<JournalEntry>();
        var current = await two.StartAsync(wf);
        journalTwo.AddRange(current.Journal);
        while (current.Status == WorkflowStatus.Suspended)
        {
            var json = current.State.ToJson();
            var restored = WorkflowInstanceState.FromJson(json);
            Assert.Equal(json, restored.ToJson());
            var fresh = new Harness(recorder: two.Recorder); // a new process (new engine, new plan cache); the outside world stays
            fresh.Clock.AdvanceTo(two.Clock.GetUtcNow());
            two = fresh;
            current = await step(two, current with { State = restored });
            journalTwo.AddRange(current.Journal);
        }

        Assert.Equal(result.Status, current.Status);
        Assert.Equal(result.State.ToJson(), current.State.ToJson());
        return (Serialize(journalOne), Serialize(journalTwo), current);
    }

    private static string Serialize(List<JournalEntry> journal) =>
        JsonSerializer.Serialize(journal, WorkflowStateJsonContext.Default.ListJournalEntry);

    [Fact]
    public async Task Delay_SuspendSerialiseResumeInAFreshEngine_GivesTheSameJournalAsAnUninterruptedRun()
    {
        var wf = Workflow("delay",
            Act("a", "Record", new { text = "before" }, "wait"),
            Act("wait", "Delay", new { duration = "PT5M" }, "b"),
            Act("b", "Record", new { text = "=activities.a.output.value + ' and after'" }));

        var (one, two, result) = await RunBothWaysAsync(wf);

        Assert.Equal(one, two);
        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal("before and after", result.Activity("b").Outputs!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task MidForEach_SuspendSerialiseResume_GivesTheSameJournalAndResults()
    {
        var wf = Workflow("loop",
            Act("each", "ForEach", new { items = new[] { 1, 2, 3 } })
                .WithBody(
                    Act("pause", "Delay", new { duration = "PT1M" }, "set"),
                    Act("set", "SetVariable", new { name = "result", value = "=item * 2" })));

        var (one, two, result) = await RunBothWaysAsync(wf);

        Assert.Equal(one, two);
        Assert.Equal("[2,4,6]", result.Activity("each").Outputs!["results"]!.ToJsonString());
    }

    [Fact]
    public async Task DuringARetryWait_SuspendSerialiseResume_ContinuesTheRetryCounters()
    {
        var wf = Workflow("retry-wait", Act("flaky", "Flaky", new { failures = 2 })
            .With(new Retrier(["States.ALL"], IntervalSeconds: 3, MaxAttempts: 5, BackoffRate: 2.0)));

        var (one, two, result) = await RunBothWaysAsync(wf);

        Assert.Equal(one, two);
        Assert.Equal([2], result.Activity("flaky").RetryAttempts!);
        Assert.Equal(3, result.Activity("flaky").Attempt);
    }

    [Fact]
    public async Task Bookmark_ResumedWithAPayloadInAFreshEngine_DeliversThePayload()
    {
        var wf = Workflow("signal", Act("wait", "WaitSignal", new { signal = "approved" }, "after"), Act("after", "Record", new { text = "=activities.wait.output.received.by" }));

        var (one, two, result) = await RunBothWaysAsync(wf, (h, r) =>
            h.Engine.ResumeAsync(wf, r.State, r.Bookmarks.Single().Id, new JsonObject { ["by"] = "lead" }));

        Assert.Equal(one, two);
        Assert.Equal("lead", result.Activity("after").Outputs!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task SuspendedState_CarriesBookmarkPayloadsAndStatuses()
    {
        var h = new Harness();
        var wf = Workflow("state", Act("wait", "WaitSignal", new { signal = "label.done" }));

        var result = await h.StartAsync(wf);

        var restored = WorkflowInstanceState.FromJson(result.State.ToUtf8Json());
        Assert.Equal(WorkflowStatus.Suspended, restored.Status);
        var bookmark = Assert.Single(restored.Bookmarks);
        Assert.Equal("label.done", bookmark.Bookmark.Name);
        Assert.Equal("label.done", bookmark.Bookmark.Payload!["signal"]!.GetValue<string>());
        Assert.Equal(ActivityStatus.Suspended, restored.Scopes["root"].Activities["wait"].Status);
        Assert.Contains("\"status\":\"Suspended\"", result.State.ToJson(), StringComparison.Ordinal);
    }
}
