using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Scheduling.Triggers;

/// <summary>Starts the workflow once, at an instant.</summary>
[Activity(ScheduleKind.StartAt, Category = "Triggers", Description = "Starts the workflow once, at an instant.")]
public sealed class StartAtTrigger : TriggerActivity
{
    /// <summary>When, ISO 8601 with an offset.</summary>
    [Input(Description = "When, ISO 8601 with an offset ('2026-01-31T06:00:00Z').", Required = true, AllowExpressions = false)]
    public string At { get; set; } = "";

    /// <inheritdoc />
    public override IReadOnlyList<TriggerInputProblem> ValidateInputs(IReadOnlyDictionary<string, JsonNode?> inputs) =>
        ScheduleTriggerValidator.InputProblems(ScheduleKind.StartAt, inputs);

    /// <inheritdoc />
    public override IReadOnlyList<JsonNode> GetTriggerPayloads() =>
        ScheduleTriggerValidator.Payload(ScheduleKind.StartAt, name => name == "at" ? At : null);
}
