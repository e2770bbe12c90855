namespace DataPrepWorkflows.Events.Triggers;

/// <summary>
/// A batched trigger: matching events are collected and start one run with all of them. With
/// <see cref="BatchMode.Window"/> the run starts <see cref="Window"/> after the first event; with
/// <see cref="BatchMode.Debounce"/>, once no new event arrived for <see cref="Window"/>.
/// </summary>
/// <param name="Window">How long to collect.</param>
/// <param name="Mode">Fixed window or debounce.</param>
/// <param name="GroupBy">Which events share a batch (<see cref="BatchGrouping"/>).</param>
public sealed record TriggerBatch(TimeSpan Window, BatchMode Mode, string GroupBy)
{
    /// <summary>The longest window accepted.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>The name of the mode as written in workflow files.</summary>
    public string ModeName => Mode == BatchMode.Debounce ? "debounce" : "window";
}

/// <summary>How a batch's start time is set.</summary>
public enum BatchMode
{
    /// <summary>A fixed window: the run starts <see cref="TriggerBatch.Window"/> after the batch's first event.</summary>
    Window,

    /// <summary>Debounce: every event restarts the quiet period; the run starts once none came for the window.</summary>
    Debounce,
}

/// <summary>The values of a batch's <c>groupBy</c>: which events go into the same run.</summary>
public static class BatchGrouping
{
    /// <summary>Events for objects in the same folder (the key up to its last <c>/</c>) of the same bucket.</summary>
    public const string Prefix = "prefix";

    /// <summary>Events for the same bucket.</summary>
    public const string Bucket = "bucket";

    /// <summary>Events for the same object key.</summary>
    public const string Key = "key";

    /// <summary>Every matching event of the trigger.</summary>
    public const string None = "none";

    /// <summary>Every allowed value.</summary>
    public static IReadOnlyList<string> All { get; } = [Prefix, Bucket, Key, None];
}
