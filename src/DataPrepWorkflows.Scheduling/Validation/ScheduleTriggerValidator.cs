using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Scheduling.Schedules;

namespace DataPrepWorkflows.Scheduling;

/// <summary>
/// Checks the inputs of <c>Cron</c>, <c>Timer</c> and <c>StartAt</c> triggers before a workflow is saved or
/// published, so a bad schedule is reported with a code (DPW036–DPW039) and the field at fault instead of failing at
/// publish or, worse, never firing. The workflow validator calls it for each schedule trigger.
/// </summary>
public static class ScheduleTriggerValidator
{
    /// <summary>
    /// The problems in a schedule trigger's inputs (by input name, as written in the workflow file); empty when it is
    /// valid or not a schedule trigger. Inputs that are expressions (<c>=…</c> or containing <c>${</c>) are refused,
    /// because a schedule is indexed on publish, before any instance exists to evaluate them.
    /// </summary>
    /// <param name="triggerType">The trigger's <c>type</c>.</param>
    /// <param name="inputs">The trigger's inputs.</param>
    public static IReadOnlyList<ScheduleDiagnostic> Validate(string triggerType, IEnumerable<KeyValuePair<string, JsonNode?>> inputs)
    {
        if (!ScheduleKind.IsSchedule(triggerType))
        {
            return [];
        }

        var byName = inputs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var expressionProblems = new List<ScheduleDiagnostic>();
        string? Input(string name)
        {
            if (!byName.TryGetValue(name, out var node) || node is null)
            {
                return null;
            }

            var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node.ToJsonString();
            if ((text.StartsWith('=') || text.Contains("${", StringComparison.Ordinal)) && !expressionProblems.Any(p => p.Field == name))
            {
                expressionProblems.Add(new(CodeFor(triggerType, name), name,
                    $"'{name}' of a {triggerType} trigger is the expression '{text}'; write a literal value, because schedules are indexed when the workflow is published"));
            }

            return text;
        }

        var (_, problems) = ScheduleSpec.Create(triggerType, Input);
        return [.. expressionProblems, .. problems.Where(p => !expressionProblems.Any(e => e.Field == p.Field))];
    }

    /// <summary>What <see cref="Validate"/> finds, in the shape the workflow validator reports for any trigger.</summary>
    internal static IReadOnlyList<TriggerInputProblem> InputProblems(string kind, IReadOnlyDictionary<string, JsonNode?> inputs) =>
        [.. Validate(kind, inputs).Select(d => new TriggerInputProblem(d.Code, d.Field, d.Message))];

    /// <summary>The indexed payload of a valid schedule trigger; throws when the inputs are invalid.</summary>
    internal static IReadOnlyList<JsonNode> Payload(string kind, Func<string, string?> input)
    {
        var (spec, problems) = ScheduleSpec.Create(kind, input);
        if (spec is null)
        {
            throw new ActivityFaultException(
                "Schedule.InvalidTrigger",
                string.Join(" ", problems.Select(p => $"{p.Code} ({p.Field}): {p.Message}.")));
        }

        return [spec.ToPayload()];
    }

    private static string CodeFor(string triggerType, string field) => (triggerType, field) switch
    {
        (_, "timeZone") => ScheduleDiagnosticCodes.UnknownTimeZone,
        (_, "interval") => ScheduleDiagnosticCodes.InvalidInterval,
        (_, "start" or "at") => ScheduleDiagnosticCodes.InvalidInstant,
        _ => ScheduleDiagnosticCodes.InvalidCron,
    };
}
