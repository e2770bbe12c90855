using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Aws.EventBridge.Deployment;

/// <summary>
/// The raw <c>EventBridge</c> trigger: its <c>pattern</c> input is the event pattern itself, written as a JSON object
/// (or as JSON text in a string), e.g. <c>{"type": "EventBridge", "pattern": {"source": ["aws.s3"]}}</c>.
/// </summary>
public sealed class RawEventBridgeTriggerPatterns : ITriggerPatternSource
{
    /// <summary>The trigger type this source reads.</summary>
    public const string TriggerType = "EventBridge";

    /// <summary>The input holding the pattern.</summary>
    public const string PatternInput = "pattern";

    /// <inheritdoc />
    public string? PatternFor(TriggerDefinition trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (!string.Equals(trigger.Type, TriggerType, StringComparison.Ordinal))
        {
            return null;
        }

        var input = trigger.Inputs.FirstOrDefault(i => string.Equals(i.Key, PatternInput, StringComparison.Ordinal));
        return input.Value switch
        {
            JsonObject pattern => pattern.ToJsonString(),
            JsonValue value when value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) => text,
            null => throw new TriggerPatternException($"An {TriggerType} trigger needs a '{PatternInput}' input holding the event pattern, e.g. \"pattern\": {{\"source\": [\"aws.s3\"]}}."),
            _ => throw new TriggerPatternException($"'{PatternInput}' must be an event pattern object such as {{\"source\": [\"aws.s3\"]}}; found {input.Value.GetValueKind().ToString().ToLowerInvariant()}."),
        };
    }
}
