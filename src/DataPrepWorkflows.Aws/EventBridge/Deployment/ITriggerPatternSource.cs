using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Aws.EventBridge.Deployment;

/// <summary>
/// Turns a workflow trigger into the EventBridge event pattern that should start it. The raw <c>EventBridge</c>
/// trigger is read by <see cref="RawEventBridgeTriggerPatterns"/>; shorthand types (<c>S3ObjectCreated</c>,
/// <c>S3ObjectDeleted</c>) plug in through another implementation, chained with <see cref="TriggerPatternSources"/>.
/// </summary>
public interface ITriggerPatternSource
{
    /// <summary>The pattern for <paramref name="trigger"/>, or <see langword="null"/> when this source does not handle its type.</summary>
    /// <param name="trigger">The trigger as written in the workflow file.</param>
    /// <returns>The pattern as JSON text, or <see langword="null"/>.</returns>
    /// <exception cref="TriggerPatternException">The trigger is of a handled type but its inputs do not make a pattern.</exception>
    string? PatternFor(TriggerDefinition trigger);
}

/// <summary>A trigger of a handled type whose inputs do not make an event pattern; the message says which input and why.</summary>
/// <param name="message">What is wrong and what to write instead.</param>
public sealed class TriggerPatternException(string message) : Exception(message);

/// <summary>Asks several sources in turn; the first that handles a trigger's type answers.</summary>
/// <param name="sources">The sources, in order.</param>
public sealed class TriggerPatternSources(params IReadOnlyList<ITriggerPatternSource> sources) : ITriggerPatternSource
{
    /// <inheritdoc />
    public string? PatternFor(TriggerDefinition trigger) =>
        sources.Select(source => source.PatternFor(trigger)).FirstOrDefault(pattern => pattern is not null);
}
