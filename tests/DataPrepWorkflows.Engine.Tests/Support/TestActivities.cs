using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Tests.Support;

/// <summary>What test activities record, reached through <see cref="ActivityContext.Services"/>.</summary>
public sealed class Recorder
{
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public int Count(string key) => Calls.GetValueOrDefault(key);
}

/// <summary>Does nothing; completes with Done.</summary>
[Activity("Noop", Category = "Test")]
public class Noop : CodeActivity
{
    protected internal override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

/// <summary>Records its id (and optional text) in the recorder and outputs the text.</summary>
[Activity("Record", Category = "Test")]
public sealed class RecordActivity : CodeActivity
{
    [Input]
    public string? Text { get; set; }

    [Output]
    public string? Value { get; set; }

    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        var recorder = (Recorder)context.Services.GetService(typeof(Recorder))!;
        recorder.Events.Enqueue(Text is null ? context.ActivityId : $"{context.ActivityId}:{Text}");
        recorder.Calls.AddOrUpdate(context.ActivityId, 1, (_, n) => n + 1);
        Value = Text;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Fails with <see cref="Error"/> for the first <see cref="Failures"/> attempts (counted per activity id).</summary>
[Activity("Flaky", Category = "Test")]
public sealed class Flaky : CodeActivity
{
    [Input]
    public int Failures { get; set; } = int.MaxValue;

    [Input]
    public string Error { get; set; } = "Test.Boom";

    [Output]
    public int Attempt { get; set; }

    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        var recorder = (Recorder)context.Services.GetService(typeof(Recorder))!;
        var call = recorder.Calls.AddOrUpdate(context.ActivityId, 1, (_, n) => n + 1);
        Attempt = context.Attempt;
        if (call <= Failures)
        {
            if (Error == "crash")
            {
                throw new InvalidOperationException($"crash {call}");
            }

            throw new ActivityFaultException(Error, $"failure {call}");
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Waits until cancelled (by a timeout or the instance), asynchronously.</summary>
[Activity("Hang", Category = "Test")]
public sealed class Hang : Activity
{
    protected internal override async ValueTask ExecuteAsync(ActivityContext context) =>
        await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
}

/// <summary>Suspends on a bookmark named <see cref="Signal"/>; resumes with the payload as output <c>received</c>.</summary>
[Activity("WaitSignal", Category = "Test")]
public sealed class WaitSignal : Activity
{
    [Input]
    public string Signal { get; set; } = "go";

    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark(Signal, new JsonObject { ["signal"] = Signal });
        return ValueTask.CompletedTask;
    }

    protected internal override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        context.SetOutput("received", resumption.Input);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Outputs its secret input's length and echoes its public input; the secret must never reach the journal.</summary>
[Activity("Login", Category = "Test")]
public sealed class Login : CodeActivity
{
    [Input]
    public string User { get; set; } = "";

    [Input(Secret = true)]
    public string Password { get; set; } = "";

    [Output]
    public int PasswordLength { get; set; }

    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        PasswordLength = Password.Length;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Takes typed inputs (to test binding and coercion) and echoes them as outputs.</summary>
[Activity("Typed", Category = "Test")]
public sealed class Typed : CodeActivity
{
    [Input]
    public int Count { get; set; }

    [Input]
    public TimeSpan Wait { get; set; }

    [Input(AllowedValues = ["csv", "parquet"])]
    public string Format { get; set; } = "csv";

    [Input]
    public string[]? Tags { get; set; }

    [Output]
    public JsonObject? Echo { get; set; }

    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        Echo = new JsonObject
        {
            ["count"] = Count,
            ["wait"] = Wait.TotalSeconds,
            ["format"] = Format,
            ["tags"] = Tags is null ? null : new JsonArray(Tags.Select(t => (JsonNode?)t).ToArray()),
        };
        return ValueTask.CompletedTask;
    }
}

/// <summary>Blocks synchronously for <see cref="Seconds"/> of the manual clock (a long CPU-bound call).</summary>
[Activity("Busy", Category = "Test")]
public sealed class Busy : CodeActivity
{
    [Input]
    public int Seconds { get; set; }

    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ((ManualTimeProvider)context.Clock).Advance(TimeSpan.FromSeconds(Seconds));
        return ValueTask.CompletedTask;
    }
}

/// <summary>An activity whose output property throws when read (a plugin bug the engine must contain).</summary>
[Activity("BadOutput", Category = "Test")]
public sealed class BadOutput : CodeActivity
{
    [Output]
    public string Broken => throw new InvalidOperationException("output getter failed");

    protected internal override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

/// <summary>Records its call and idempotency key; declared not safe to re-run (like charging a card).</summary>
[Activity("Charge", Category = "Test", SafeToRerun = false)]
public sealed class Charge : CodeActivity
{
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        var recorder = (Recorder)context.Services.GetService(typeof(Recorder))!;
        recorder.Calls.AddOrUpdate(context.ActivityId, 1, (_, n) => n + 1);
        recorder.Events.Enqueue("key:" + context.IdempotencyKey);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A trigger with a typed input, indexed as its path.</summary>
[Activity("TestHook", Category = "Test")]
public sealed class TestHook : TriggerActivity
{
    [Input]
    public string Path { get; set; } = "/";

    [Input]
    public int Weight { get; set; }

    public override IReadOnlyList<JsonNode> GetTriggerPayloads() => [new JsonObject { ["path"] = Path, ["weight"] = Weight }];
}
