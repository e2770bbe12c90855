using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>
/// Merges branches. The engine decides when it runs: WaitAll once every incoming branch still active has arrived
/// (branches not taken are skipped, never awaited), WaitAny on the first branch that arrives taken.
/// </summary>
[Activity("Join", Category = "Control",
    Description = "Waits for all incoming branches still active (WaitAll) or for the first one (WaitAny).")]
public sealed class Join : CodeActivity
{
    /// <summary>When to continue.</summary>
    [Input(Description = "WaitAll continues when every active branch arrived; WaitAny on the first arrival (later ones are ignored).",
        DefaultJson = "\"WaitAll\"", AllowExpressions = false)]
    public JoinMode Mode { get; set; } = JoinMode.WaitAll;

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

/// <summary>When a Join continues.</summary>
public enum JoinMode
{
    /// <summary>When every incoming branch still active has arrived.</summary>
    WaitAll,

    /// <summary>On the first arrival; later arrivals are ignored.</summary>
    WaitAny,
}
