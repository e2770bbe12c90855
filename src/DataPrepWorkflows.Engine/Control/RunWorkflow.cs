using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Runs another workflow as a child and waits for it, even across suspensions.</summary>
[Activity("RunWorkflow", Category = "Control",
    Description = "Runs another workflow as a child, waits for it (even if it suspends) and outputs its outputs.")]
public sealed class RunWorkflow : Activity
{
    /// <summary>The child workflow id.</summary>
    [Input(Description = "The id of the workflow to run.", Required = true)]
    public string Workflow { get; set; } = "";

    /// <summary>The child workflow version; latest when not set.</summary>
    [Input(Description = "The version to run; the latest when not set.")]
    public int? Version { get; set; }

    /// <summary>The child's inputs.</summary>
    [Input(Description = "Inputs for the child workflow.")]
    public JsonObject? Inputs { get; set; }

    /// <summary>The child's outputs.</summary>
    [Output(Description = "The child workflow's outputs.")]
    public JsonObject? Outputs { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ScheduleChildWorkflow(Workflow, Version, Inputs ?? [], Workflow);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected internal override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (!child.Succeeded)
        {
            var error = child.Error!;
            throw new ActivityFaultException(error.Error, error.Cause);
        }

        Outputs = child.Outputs;
        return ValueTask.CompletedTask;
    }
}
