using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Validation.Inputs;

/// <summary>
/// Checks activities and triggers against their descriptors: known type, required inputs present, no unknown inputs,
/// literal values of the right type and among the allowed values, expressions only where allowed and syntactically
/// valid. An expression may produce any type, so only literals (and templates, which are strings) are type-checked.
/// </summary>
internal sealed class InputValidator
{
    private readonly ActivityRegistry _registry;
    private readonly ExpressionChecker _expressions;
    private readonly List<Diagnostic> _diagnostics = [];

    private InputValidator(ActivityRegistry registry, ExpressionChecker expressions)
    {
        _registry = registry;
        _expressions = expressions;
    }

    public static IReadOnlyList<Diagnostic> Validate(WorkflowDefinition definition, ActivityRegistry registry, ExpressionChecker expressions)
    {
        var validator = new InputValidator(registry, expressions);
        validator.CheckActivities(definition.Activities, "/activities");
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            validator.CheckTrigger(definition.Triggers[i], $"/triggers/{i}");
        }

        foreach (var output in definition.Outputs)
        {
            validator._diagnostics.AddRange(expressions.Check(output.Value, $"/outputs/{ValueSyntax.EscapePointerSegment(output.Name)}", $"workflow output '{output.Name}'"));
        }

        foreach (var variable in definition.Variables)
        {
            validator._diagnostics.AddRange(expressions.Check(variable.Value, $"/variables/{ValueSyntax.EscapePointerSegment(variable.Name)}/value", $"variable '{variable.Name}'"));
        }

        return validator._diagnostics;
    }

    private void CheckActivities(IReadOnlyList<ActivityNode> activities, string path)
    {
        for (var i = 0; i < activities.Count; i++)
        {
            CheckActivity(activities[i], $"{path}/{i}");
        }
    }

    private void CheckActivity(ActivityNode node, string path)
    {
        var who = $"activity '{node.Id}'";
        var descriptor = _registry.Find(node.Type);
        if (node.Type.Length > 0 && descriptor is null)
        {
            var known = _registry.Descriptors.Where(d => d.Kind == ActivityKind.Action).Select(d => d.TypeName);
            Error(DiagnosticCodes.UnknownActivityType, path + "/type", $"Activity '{node.Id}' has type '{node.Type}', which is not a registered activity type.{Suggestions.Hint(node.Type, known)} Run `dataprep activities` for the list, or register the plugin that provides it.");
        }
        else if (descriptor is { Kind: ActivityKind.Trigger })
        {
            Error(DiagnosticCodes.UnknownActivityType, path + "/type", $"Activity '{node.Id}' has type '{node.Type}', which is a trigger; declare it under 'triggers' instead of 'activities'.");
            descriptor = null;
        }

        if (descriptor is { HasBody: false } && node.Body.Count > 0)
        {
            Error(DiagnosticCodes.UnexpectedBody, path + "/body", $"Activity '{node.Id}' has a 'body', but {node.Type} does not run nested activities; remove the body or use an activity that has one, such as ForEach.");
        }

        if (descriptor is null)
        {
            // Without a descriptor the inputs cannot be checked, but their expressions still can.
            foreach (var (name, value) in node.Inputs)
            {
                _diagnostics.AddRange(_expressions.Check(value, $"{path}/inputs/{ValueSyntax.EscapePointerSegment(name)}", $"input '{name}' of {who}"));
            }
        }
        else
        {
            CheckInputs(descriptor, node.Inputs, path + "/inputs", path, who, "under inputs");
        }

        CheckActivities(node.Body, path + "/body");
    }

    private void CheckTrigger(TriggerDefinition trigger, string path)
    {
        if (trigger.Type.Length == 0)
        {
            return;
        }

        var descriptor = _registry.Find(trigger.Type);
        if (descriptor is not { Kind: ActivityKind.Trigger })
        {
            var known = _registry.Descriptors.Where(d => d.Kind == ActivityKind.Trigger).Select(d => d.TypeName).ToList();
            var list = known.Count == 0 ? "no trigger types are registered yet" : $"registered trigger types are {string.Join(", ", known)}";
            var what = descriptor is null ? "is not a registered trigger type" : "is an activity, not a trigger";
            Error(DiagnosticCodes.UnknownTriggerType, path + "/type", $"Trigger type '{trigger.Type}' {what}; {list}.{Suggestions.Hint(trigger.Type, known)}");
            return;
        }

        CheckInputs(descriptor, trigger.Inputs, path, path, $"trigger '{trigger.Id ?? trigger.Type}'", "as a property of the trigger");
    }

    private void CheckInputs(ActivityDescriptor descriptor, IReadOnlyList<KeyValuePair<string, JsonNode?>> inputs, string inputsPath, string ownerPath, string who, string where)
    {
        foreach (var input in descriptor.Inputs)
        {
            if (input.Required && input.DefaultValue is null && !inputs.Any(p => p.Key == input.Name))
            {
                var at = inputs.Count > 0 ? inputsPath : ownerPath;
                Error(DiagnosticCodes.MissingRequiredInput, at, $"{Capitalize(who)} input '{input.Name}' is required by {descriptor.TypeName}; add it {where} ({input.Type}, for example {InputTypeCheck.Example(input.Type)}).");
            }
        }

        foreach (var (name, value) in inputs)
        {
            var path = $"{inputsPath}/{ValueSyntax.EscapePointerSegment(name)}";
            var input = descriptor.FindInput(name);
            if (input is null)
            {
                var names = descriptor.Inputs.Select(i => i.Name).ToList();
                var known = names.Count == 0 ? $"{descriptor.TypeName} takes no inputs" : $"{descriptor.TypeName} takes {string.Join(", ", names)}";
                Error(DiagnosticCodes.UnknownInput, path, $"{Capitalize(who)} has an input '{name}' that {descriptor.TypeName} does not know; {known}.{Suggestions.Hint(name, names)}");
                continue;
            }

            CheckValue(descriptor, input, value, path, who);
        }
    }

    private void CheckValue(ActivityDescriptor descriptor, InputDescriptor input, JsonNode? value, string path, string who)
    {
        var dynamicParts = ValueSyntax.FindDynamicParts(value).ToList();
        if (dynamicParts.Count > 0 && !input.AllowExpressions)
        {
            Error(DiagnosticCodes.ExpressionNotAllowed, path + dynamicParts[0].Pointer, $"{Capitalize(who)} input '{input.Name}' of {descriptor.TypeName} does not allow expressions or ${{…}} templates; write a literal value (start it with '==' for a literal '=', write '$${{' for a literal '${{').");
            return;
        }

        _diagnostics.AddRange(_expressions.Check(value, path, $"input '{input.Name}' of {who}"));
        var kind = ValueSyntax.Classify(value);
        if (kind == ValueKind.Expression || (kind == ValueKind.Template && IsSinglePart(value)))
        {
            return;
        }

        var literal = kind == ValueKind.Literal && JsonShape.TryString(value, out var text) ? JsonValue.Create(ValueSyntax.Classify(text, out var unescaped) == ValueKind.Literal ? unescaped : text) : value;
        if (!InputTypeCheck.Matches(literal, input.Type))
        {
            Error(DiagnosticCodes.WrongInputType, path, $"{Capitalize(who)} input '{input.Name}' must be {Article(input.Type)} (for example {InputTypeCheck.Example(input.Type)}); found {JsonShape.Describe(value)}{Shown(value)}. Use an expression (\"=…\") to compute it.");
            return;
        }

        if (input.AllowedValues is { Count: > 0 } allowed && kind == ValueKind.Literal && JsonShape.TryString(literal, out var chosen)
            && !allowed.Contains(chosen, StringComparer.Ordinal))
        {
            Error(DiagnosticCodes.ValueNotAllowed, path, $"{Capitalize(who)} input '{input.Name}' is \"{chosen}\", which is not one of {string.Join(", ", allowed)}.{Suggestions.Hint(chosen, allowed)}");
        }
    }

    private static bool IsSinglePart(JsonNode? value) =>
        JsonShape.TryString(value, out var text) && text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}')
        && ValueSyntax.FindDynamicParts(value).Count() == 1 && text.IndexOf("${", 2, StringComparison.Ordinal) < 0;

    private static string Shown(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 40 ? $" {text}" : "";
    }

    private static string Article(string type) => type switch
    {
        InputTypes.Integer or InputTypes.Object or InputTypes.Array or InputTypes.Any => $"an {type}",
        InputTypes.DateTime => "an ISO 8601 date-time",
        InputTypes.Duration => "an ISO 8601 duration",
        _ => $"a {type}",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private void Error(string code, string path, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, path));
}
