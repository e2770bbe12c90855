using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Events.Patterns;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>
/// Compiles an event trigger as written in a workflow file (its type and inputs) into a <see cref="CompiledTrigger"/>,
/// or explains every problem. The DSL validator, the trigger activities and the trigger index all use it, so a
/// trigger that validates is exactly a trigger that indexes.
/// </summary>
public static class TriggerCompiler
{
    /// <summary>The longest deduplication window accepted.</summary>
    public static readonly TimeSpan MaxDedupeWindow = TimeSpan.FromDays(90);

    /// <summary>Compiles a trigger of one of the <see cref="EventTriggerTypes"/>.</summary>
    /// <param name="triggerType">The trigger type.</param>
    /// <param name="inputs">The trigger's inputs by name.</param>
    public static TriggerCompilation Compile(string triggerType, IReadOnlyList<KeyValuePair<string, JsonNode?>> inputs)
    {
        ArgumentNullException.ThrowIfNull(triggerType);
        ArgumentNullException.ThrowIfNull(inputs);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in inputs)
        {
            values[name] = value;
        }

        var problems = new List<TriggerProblem>();
        var (patternJson, patternInput) = triggerType switch
        {
            EventTriggerTypes.S3ObjectCreated => (S3PatternBuilder.Build("Object Created", values, problems), "detail"),
            EventTriggerTypes.S3ObjectDeleted => (S3PatternBuilder.Build("Object Deleted", values, problems), "detail"),
            EventTriggerTypes.EventBridge => (RawPattern(values, problems), "pattern"),
            _ => throw new ArgumentException($"'{triggerType}' is not an event trigger type.", nameof(triggerType)),
        };

        var options = ReadOptions(values, problems);
        var busName = "default";
        if (values.TryGetValue("eventBusName", out var bus))
        {
            if (TryString(bus, out var b) && b.Length > 0)
            {
                busName = b;
            }
            else
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidInput, "eventBusName", "'eventBusName' must be the name of an event bus, such as \"default\"."));
            }
        }

        EventPattern? pattern = null;
        if (patternJson is not null)
        {
            var parsed = EventPattern.Parse(patternJson.ToJsonString());
            if (parsed.IsValid)
            {
                pattern = parsed.Pattern;
            }
            else
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidPattern, patternInput, $"The trigger's event pattern is not valid: {parsed.Error!.Reason}"));
            }
        }

        if (problems.Count > 0 || pattern is null || patternJson is null)
        {
            return new TriggerCompilation(null, problems);
        }

        return new TriggerCompilation(
            new CompiledTrigger
            {
                TriggerType = triggerType,
                PatternJson = patternJson,
                Pattern = pattern,
                EventBusName = busName,
                Batch = options.Batch,
                DedupeWindow = options.DedupeWindow,
            },
            problems);
    }

    /// <summary>
    /// The EventBridge pattern (JSON text) of a declared trigger, for deploying rules on AWS; <c>null</c> when the
    /// trigger is not an event trigger.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trigger does not compile (validate the workflow first).</exception>
    public static string? PatternFor(TriggerDefinition trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (!EventTriggerTypes.IsEventTrigger(trigger.Type))
        {
            return null;
        }

        var compilation = Compile(trigger.Type, trigger.Inputs);
        return compilation.Trigger?.PatternJson.ToJsonString()
            ?? throw new InvalidOperationException($"The {trigger.Type} trigger is not valid: {string.Join(" ", compilation.Problems.Select(p => p.Message))}");
    }

    internal static (TriggerBatch? Batch, TimeSpan DedupeWindow) ReadOptions(JsonObject payload, out List<TriggerProblem> problems)
    {
        problems = [];
        var values = payload.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return ReadOptions(values, problems);
    }

    private static (TriggerBatch? Batch, TimeSpan DedupeWindow) ReadOptions(Dictionary<string, JsonNode?> values, List<TriggerProblem> problems)
    {
        var window = CompiledTrigger.DefaultDedupeWindow;
        if (values.TryGetValue("dedupeWindow", out var dedupe)
            && !(TryString(dedupe, out var text) && TriggerDuration.TryParse(text, out window) && window <= MaxDedupeWindow))
        {
            problems.Add(new TriggerProblem(TriggerProblemKind.InvalidDedupeWindow, "dedupeWindow", $"'dedupeWindow' must be a duration from 1s to 90d, such as \"24h\" or \"PT24H\"; found {dedupe?.ToJsonString() ?? "null"}."));
            window = CompiledTrigger.DefaultDedupeWindow;
        }

        var batch = values.TryGetValue("batch", out var batchNode) ? ReadBatch(batchNode, problems) : null;
        return (batch, window);
    }

    private static TriggerBatch? ReadBatch(JsonNode? node, List<TriggerProblem> problems)
    {
        if (node is not JsonObject o)
        {
            problems.Add(new TriggerProblem(TriggerProblemKind.InvalidBatch, "batch", "'batch' must be an object such as {\"window\": \"60s\", \"mode\": \"window\", \"groupBy\": \"prefix\"}."));
            return null;
        }

        var before = problems.Count;
        foreach (var (name, _) in o)
        {
            if (name is not ("window" or "mode" or "groupBy"))
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidBatch, "batch/" + name, $"'batch' has an unknown property '{name}'; it takes window, mode and groupBy."));
            }
        }

        var window = TimeSpan.Zero;
        if (!(TryString(o["window"], out var windowText) && TriggerDuration.TryParse(windowText, out window) && window <= TriggerBatch.MaxWindow))
        {
            problems.Add(new TriggerProblem(TriggerProblemKind.InvalidBatch, o.ContainsKey("window") ? "batch/window" : "batch", $"'batch.window' must be a duration from 1ms to 24h, such as \"60s\" or \"PT1M\"; found {o["window"]?.ToJsonString() ?? "nothing"}."));
        }

        var mode = BatchMode.Window;
        if (o.ContainsKey("mode"))
        {
            if (TryString(o["mode"], out var modeText) && modeText is "window" or "debounce")
            {
                mode = modeText == "debounce" ? BatchMode.Debounce : BatchMode.Window;
            }
            else
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidBatch, "batch/mode", $"'batch.mode' must be \"window\" (one run per window after the first event) or \"debounce\" (one run once events stop for the window); found {o["mode"]?.ToJsonString() ?? "null"}."));
            }
        }

        var groupBy = BatchGrouping.Prefix;
        if (o.ContainsKey("groupBy"))
        {
            if (TryString(o["groupBy"], out var group) && BatchGrouping.All.Contains(group))
            {
                groupBy = group;
            }
            else
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidBatch, "batch/groupBy", $"'batch.groupBy' must be one of {string.Join(", ", BatchGrouping.All)}; found {o["groupBy"]?.ToJsonString() ?? "null"}."));
            }
        }

        return problems.Count > before ? null : new TriggerBatch(window, mode, groupBy);
    }

    private static JsonObject? RawPattern(Dictionary<string, JsonNode?> values, List<TriggerProblem> problems)
    {
        if (!values.TryGetValue("pattern", out var node) || node is null)
        {
            problems.Add(new TriggerProblem(TriggerProblemKind.InvalidInput, "pattern", "An EventBridge trigger needs a 'pattern'."));
            return null;
        }

        if (node is JsonObject o)
        {
            return (JsonObject)o.DeepClone();
        }

        if (TryString(node, out var text))
        {
            // A pattern written as a string is parsed first so that a syntax error gets EventBridge's own message.
            var parsed = EventPattern.Parse(text);
            if (!parsed.IsValid)
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidPattern, "pattern", $"The trigger's event pattern is not valid: {parsed.Error!.Reason}"));
                return null;
            }

            try
            {
                return JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        problems.Add(new TriggerProblem(TriggerProblemKind.InvalidPattern, "pattern", "The trigger's 'pattern' must be an EventBridge event pattern: a JSON object, or a string holding one."));
        return null;
    }

    internal static bool TryString(JsonNode? node, out string text)
    {
        text = "";
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            text = s;
            return true;
        }

        return false;
    }

    internal static string? ExplainBucket(string bucket) => BucketName.Explain(bucket);
}

/// <summary>The outcome of compiling an event trigger.</summary>
/// <param name="Trigger">The compiled trigger, or <c>null</c> when there are problems.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record TriggerCompilation(CompiledTrigger? Trigger, IReadOnlyList<TriggerProblem> Problems);
