using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>
/// The shorthand S3 triggers (<c>S3ObjectCreated</c>, <c>S3ObjectDeleted</c>) as rules: their pattern is the one the
/// local trigger index matches with (<see cref="TriggerCompiler.PatternFor"/>), so a workflow starts on the same
/// events locally and on AWS. The raw <c>EventBridge</c> trigger is left to <see cref="RawEventBridgeTriggerPatterns"/>,
/// whose invalid-pattern messages are AWS's own.
/// </summary>
internal sealed class CompiledTriggerPatterns : ITriggerPatternSource
{
    public string? PatternFor(TriggerDefinition trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.Type is not (EventTriggerTypes.S3ObjectCreated or EventTriggerTypes.S3ObjectDeleted))
        {
            return null;
        }

        try
        {
            return TriggerCompiler.PatternFor(trigger);
        }
        catch (InvalidOperationException ex)
        {
            throw new TriggerPatternException(ex.Message);
        }
    }
}
