using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Runtime.Tests.Support;

/// <summary>What the test activities record and how tests hold them up, shared by every node of a test.</summary>
public sealed class TestWorld
{
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public ConcurrentQueue<string> Keys { get; } = new();

    /// <summary>While set, a Gate step waits on it (a step "in progress" when a node dies).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Completed when a Gate step starts waiting on <see cref="Hold"/>.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count(string activityId) => Calls.GetValueOrDefault(activityId);

    internal static TestWorld Of(ActivityContext context) => (TestWorld)context.Services.GetService(typeof(TestWorld))!;

    internal void Called(ActivityContext context)
    {
        Calls.AddOrUpdate(context.ActivityId, 1, (_, n) => n + 1);
        Keys.Enqueue(context.IdempotencyKey);
    }
}

/// <summary>Counts its calls and outputs its text.</summary>
[Activity("Step", Category = "Test")]
public sealed class Step : CodeActivity
{
    [Input]
    public string? Text { get; set; }

    [Output]
    public string? Value { get; set; }

    protected override ValueTask ExecuteAsync(ActivityContext context)
    {
        TestWorld.Of(context).Called(context);
        Value = Text;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Counts its calls; while the world holds, waits (asynchronously) until released.</summary>
[Activity("Gate", Category = "Test")]
public sealed class Gate : Activity
{
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var world = TestWorld.Of(context);
        world.Called(context);
        if (world.Hold is { } hold)
        {
            world.Holding.TrySetResult();
            await hold.Task.WaitAsync(context.CancellationToken);
        }
    }
}

/// <summary>Like <see cref="Gate"/>, but not safe to re-run.</summary>
[Activity("UnsafeGate", Category = "Test", SafeToRerun = false)]
public sealed class UnsafeGate : Activity
{
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var world = TestWorld.Of(context);
        world.Called(context);
        if (world.Hold is { } hold)
        {
            world.Holding.TrySetResult();
            await hold.Task.WaitAsync(context.CancellationToken);
        }
    }
}

/// <summary>Suspends on a bookmark keyed by its input; resumes with the payload as output <c>received</c>.</summary>
[Activity("Await", Category = "Test")]
public sealed class Await : Activity
{
    [Input]
    public string Key { get; set; } = "go";

    protected override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark("await", new JsonObject { ["key"] = Key });
        return ValueTask.CompletedTask;
    }

    protected override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        TestWorld.Of(context).Called(context);
        context.SetOutput("received", resumption.Input?.DeepClone());
        return ValueTask.CompletedTask;
    }
}

/// <summary>Fails its first <see cref="Failures"/> calls.</summary>
[Activity("Fragile", Category = "Test")]
public sealed class Fragile : CodeActivity
{
    [Input]
    public int Failures { get; set; } = 1;

    protected override ValueTask ExecuteAsync(ActivityContext context)
    {
        var world = TestWorld.Of(context);
        world.Called(context);
        if (world.Count(context.ActivityId) <= Failures)
        {
            throw new ActivityFaultException("Test.Broken", $"call {world.Count(context.ActivityId)} fails");
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A trigger indexed under its path.</summary>
[Activity("Hook", Category = "Test")]
public sealed class Hook : TriggerActivity
{
    [Input]
    public string Path { get; set; } = "/";

    public override IReadOnlyList<JsonNode> GetTriggerPayloads() => [new JsonObject { ["key"] = "POST " + Path, ["path"] = Path }];
}

/// <summary>A trigger that asks to be indexed twice, which the index cannot hold.</summary>
[Activity("TwinHook", Category = "Test")]
public sealed class TwinHook : TriggerActivity
{
    public override IReadOnlyList<JsonNode> GetTriggerPayloads() => [new JsonObject { ["key"] = "a" }, new JsonObject { ["key"] = "b" }];
}
