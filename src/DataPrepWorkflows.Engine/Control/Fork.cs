using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>
/// Fans out to named branches. Several edges from any activity's outcome already run in parallel; Fork exists to name
/// the branches so a reader (and the designer) sees the parallel split.
/// </summary>
[Activity("Fork", Category = "Control", DynamicOutcomes = true,
    Description = "Starts every named branch in parallel (or every edge of Done when no branches are named).")]
public sealed class Fork : CodeActivity
{
    /// <summary>Branch names; each is an outcome whose edges run in parallel.</summary>
    [Input(Description = "Branch names; each is an outcome, and all of them are followed in parallel.")]
    public string[]? Branches { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetOutcome(Branches is { Length: > 0 } branches ? branches : [OutcomesAttribute.Done]);
        return ValueTask.CompletedTask;
    }
}
