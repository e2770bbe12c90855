using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Faults with a named error, which <c>catch</c> can match (or which faults the workflow).</summary>
[Activity("Fail", Category = "Control", IsTerminal = true, Description = "Faults with a named error and cause.")]
public sealed class Fail : CodeActivity
{
    /// <summary>The error name matched by <c>errorEquals</c>.</summary>
    [Input(Description = "The error name that catch/retry errorEquals match.", DefaultJson = "\"Workflow.Failed\"")]
    public string Error { get; set; } = "Workflow.Failed";

    /// <summary>What went wrong.</summary>
    [Input(Description = "What went wrong, for people.")]
    public string Cause { get; set; } = "";

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context) =>
        throw new ActivityFaultException(Error, Cause.Length > 0 ? Cause : $"Failed at '{context?.ActivityId}'.");
}
