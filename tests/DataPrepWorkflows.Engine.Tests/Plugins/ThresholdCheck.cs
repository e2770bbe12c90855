using DataPrepWorkflows.Engine.Activities;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Engine.Tests.Plugins;

/// <summary>
/// The worked example of docs/writing-a-plugin-activity.md: compares a measured value with a minimum and follows
/// Passed or Failed, outputting the margin.
/// </summary>
[Activity("ThresholdCheck", Category = "Quality", Description = "Passes when a measured value reaches a minimum.")]
[Outcomes("Passed", "Failed")]
public sealed class ThresholdCheck : CodeActivity
{
    /// <summary>The measured value, usually an expression over an earlier activity's output.</summary>
    [Input(Description = "The measured value, e.g. =activities.profile.output.completeness", Required = true)]
    public double Value { get; set; }

    /// <summary>The lowest value that passes.</summary>
    [Input(Description = "The lowest value that passes.", DefaultJson = "0.95")]
    public double Minimum { get; set; } = 0.95;

    /// <summary>Fault instead of following Failed (so retry/catch apply).</summary>
    [Input(Description = "Fault with Quality.BelowThreshold instead of following Failed.")]
    public bool FailHard { get; set; }

    /// <summary>Value minus minimum.</summary>
    [Output(Description = "Value minus minimum (negative when failed).")]
    public double Margin { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        Margin = Math.Round(Value - Minimum, 6);
        if (Margin >= 0)
        {
            context.SetOutcome("Passed");
        }
        else if (FailHard)
        {
            throw new ActivityFaultException("Quality.BelowThreshold", $"{Value} is below the minimum {Minimum}.");
        }
        else
        {
            context.Logger.LogWarning("{Value} is below the minimum {Minimum}", Value, Minimum);
            context.SetOutcome("Failed");
        }

        return ValueTask.CompletedTask;
    }
}
