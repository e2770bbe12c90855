using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Scheduling.Triggers;

/// <summary>Starts the workflow every interval.</summary>
[Activity(ScheduleKind.Timer, Category = "Triggers", Description = "Starts the workflow every interval, from an optional first instant.")]
public sealed class TimerTrigger : TriggerActivity
{
    /// <summary>How often: ISO 8601 (<c>PT15M</c>) or short (<c>15m</c>, <c>1h30m</c>, <c>90s</c>).</summary>
    [Input(Description = "How often: ISO 8601 ('PT15M') or short ('15m', '1h30m', '90s').", Required = true, UIHint = "duration", AllowExpressions = false)]
    public string Interval { get; set; } = "";

    /// <summary>The first fire, ISO 8601 with an offset. <value>When the workflow is published.</value></summary>
    [Input(Description = "First fire, ISO 8601 with an offset ('2026-01-31T06:00:00Z'); default: on publish.", AllowExpressions = false)]
    public string? Start { get; set; }

    /// <inheritdoc />
    public override IReadOnlyList<TriggerInputProblem> ValidateInputs(IReadOnlyDictionary<string, JsonNode?> inputs) =>
        ScheduleTriggerValidator.InputProblems(ScheduleKind.Timer, inputs);

    /// <inheritdoc />
    public override IReadOnlyList<JsonNode> GetTriggerPayloads() =>
        ScheduleTriggerValidator.Payload(ScheduleKind.Timer, name => name switch
        {
            "interval" => Interval,
            "start" => Start,
            _ => null,
        });
}
