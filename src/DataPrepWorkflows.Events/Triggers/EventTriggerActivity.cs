using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>
/// The inputs every event trigger shares (batching and the deduplication window) and the compilation of its inputs
/// into an EventBridge pattern, which is the payload the trigger index stores.
/// </summary>
public abstract class EventTriggerActivity : TriggerActivity
{
    /// <summary>Collect matching events into one run: <c>{"window": "60s", "mode": "window"|"debounce", "groupBy": "prefix"|"bucket"|"key"|"none"}</c>.</summary>
    [Input(Description = "Collect matching events into one run: {\"window\": \"60s\", \"mode\": \"window\" or \"debounce\", \"groupBy\": \"prefix\", \"bucket\", \"key\" or \"none\"}. Without it, every event starts its own run.", AllowExpressions = false, Order = 100, Category = "Delivery")]
    public JsonObject? Batch { get; set; }

    /// <summary>How long an event id is remembered so that a redelivered event starts nothing.</summary>
    [Input(Description = "How long an event id is remembered, so that a redelivery of the same event starts nothing (\"24h\", \"PT24H\").", DefaultJson = "\"24h\"", AllowExpressions = false, Order = 101, Category = "Delivery")]
    public string? DedupeWindow { get; set; }

    /// <summary>The trigger type name (the activity type).</summary>
    protected abstract string TriggerType { get; }

    /// <summary>The trigger's own inputs, by name, for compilation.</summary>
    protected abstract IEnumerable<KeyValuePair<string, JsonNode?>> OwnInputs();

    /// <summary>The compiled trigger; throws when the inputs are invalid (the validator reports those before publishing).</summary>
    /// <exception cref="InvalidOperationException">The inputs do not compile.</exception>
    public CompiledTrigger Compile()
    {
        var inputs = OwnInputs().ToList();
        if (Batch is not null)
        {
            inputs.Add(KeyValuePair.Create<string, JsonNode?>("batch", Batch.DeepClone()));
        }

        if (DedupeWindow is not null)
        {
            inputs.Add(KeyValuePair.Create<string, JsonNode?>("dedupeWindow", DedupeWindow));
        }

        var compilation = TriggerCompiler.Compile(TriggerType, inputs);
        return compilation.Trigger
            ?? throw new InvalidOperationException($"The {TriggerType} trigger is not valid: {string.Join(" ", compilation.Problems.Select(p => p.Message))}");
    }

    /// <summary>
    /// One payload: the compiled trigger's stored form, <c>{"pattern": {…}, "eventBusName", "dedupeWindow", "batch"}</c>,
    /// whose <c>pattern</c> is the compiled EventBridge pattern (<see cref="CompiledTrigger.FromPayloadJson"/> reads it back).
    /// </summary>
    public override IReadOnlyList<JsonNode> GetTriggerPayloads() => [JsonNode.Parse(Compile().ToPayloadJson())!];
}
