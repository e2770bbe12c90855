using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Chooses one of two branches.</summary>
[Activity("If", Category = "Control", Description = "Follows True or False depending on a condition.")]
[Outcomes("True", "False")]
public sealed class If : CodeActivity
{
    /// <summary>The condition, usually an expression such as <c>=activities.gate.output.score &gt;= 0.95</c>.</summary>
    [Input(Description = "The condition, usually an expression.", Required = true)]
    public bool Condition { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetOutcome(Condition ? "True" : "False");
        return ValueTask.CompletedTask;
    }
}
