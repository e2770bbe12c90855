using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Scheduling.Triggers;

/// <summary>Starts the workflow on a cron schedule, in a time zone.</summary>
[Activity(ScheduleKind.Cron, Category = "Triggers", Description = "Starts the workflow on a cron schedule (5-field Unix or Quartz form) in a time zone.")]
public sealed class CronTrigger : TriggerActivity
{
    /// <summary>The schedule: <c>0 6 * * 1-5</c> (Unix: minute hour day-of-month month day-of-week), Quartz's
    /// seconds-first form <c>0 0 6 ? * MON-FRI</c>, or a macro such as <c>@daily</c>.</summary>
    [Input(Description = "Cron expression: 5-field Unix ('0 6 * * 1-5'), Quartz with seconds ('0 0 6 ? * MON-FRI') or '@daily'.", Required = true, AllowExpressions = false)]
    public string Cron { get; set; } = "";

    /// <summary>IANA time zone the schedule is read in. <value>UTC.</value></summary>
    [Input(Description = "IANA time zone the schedule is read in, e.g. 'Europe/Paris'.", DefaultJson = "\"UTC\"", AllowExpressions = false)]
    public string TimeZone { get; set; } = "UTC";

    /// <inheritdoc />
    public override IReadOnlyList<TriggerInputProblem> ValidateInputs(IReadOnlyDictionary<string, JsonNode?> inputs) =>
        ScheduleTriggerValidator.InputProblems(ScheduleKind.Cron, inputs);

    /// <inheritdoc />
    public override IReadOnlyList<JsonNode> GetTriggerPayloads() =>
        ScheduleTriggerValidator.Payload(ScheduleKind.Cron, name => name switch
        {
            "cron" => Cron,
            "timeZone" => TimeZone,
            _ => null,
        });
}
