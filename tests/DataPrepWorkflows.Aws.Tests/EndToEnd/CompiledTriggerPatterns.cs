using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Aws.Tests.EndToEnd;

/// <summary>The shorthand S3 triggers' patterns as <c>events deploy</c> plans them: the compiler's, ahead of the raw source.</summary>
internal sealed class CompiledTriggerPatterns : ITriggerPatternSource
{
    public static ITriggerPatternSource Chain { get; } = new TriggerPatternSources(new CompiledTriggerPatterns(), new RawEventBridgeTriggerPatterns());

    public string? PatternFor(TriggerDefinition trigger) =>
        trigger.Type is EventTriggerTypes.S3ObjectCreated or EventTriggerTypes.S3ObjectDeleted ? TriggerCompiler.PatternFor(trigger) : null;
}
