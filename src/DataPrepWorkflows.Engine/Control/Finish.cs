using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Ends the whole workflow successfully at once: other branches are cancelled.</summary>
[Activity("Finish", Category = "Control", IsTerminal = true,
    Description = "Ends the workflow successfully now (cancelling other branches), optionally setting outputs.")]
public sealed class Finish : CodeActivity
{
    /// <summary>Workflow outputs to set (over those the workflow declares).</summary>
    [Input(Description = "Workflow outputs to set, over those the workflow declares.")]
    public JsonObject? Outputs { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context is not ActivityExecutionContext engineContext)
        {
            throw new InvalidOperationException("Finish runs only inside the workflow engine.");
        }

        engineContext.RequestFinish(Outputs);
        return ValueTask.CompletedTask;
    }
}
