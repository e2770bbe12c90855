using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>Starts the workflow for every event matching an EventBridge event pattern.</summary>
[Activity(EventTriggerTypes.EventBridge, Category = "Triggers", Description = "Starts the workflow for every event that matches an EventBridge event pattern.")]
public sealed class EventBridgeTrigger : EventTriggerActivity
{
    /// <summary>The event pattern: a JSON object, or a string holding one.</summary>
    [Input(Description = "The EventBridge event pattern: a JSON object, or a string holding one.", Required = true, AllowExpressions = false, Order = 0)]
    public JsonNode? Pattern { get; set; }

    /// <summary>The event bus of the rule on AWS.</summary>
    [Input(Description = "The event bus the rule belongs to on AWS.", DefaultJson = "\"default\"", AllowExpressions = false, Order = 1)]
    public string? EventBusName { get; set; }

    /// <inheritdoc />
    protected override string TriggerType => EventTriggerTypes.EventBridge;

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, JsonNode?>> OwnInputs()
    {
        yield return KeyValuePair.Create("pattern", Pattern?.DeepClone());
        if (EventBusName is not null)
        {
            yield return KeyValuePair.Create<string, JsonNode?>("eventBusName", EventBusName);
        }
    }
}
