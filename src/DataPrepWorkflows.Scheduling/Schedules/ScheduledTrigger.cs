using System.Globalization;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Scheduling.Schedules;

/// <summary>A schedule trigger of a published workflow: where it comes from, and its checked spec.</summary>
/// <param name="WorkflowId">The workflow it starts.</param>
/// <param name="Index">The trigger's position in the workflow's <c>triggers</c> list.</param>
/// <param name="Spec">The schedule.</param>
/// <param name="PayloadJson">The indexed payload, kept as the Quartz job's description so a fire knows its schedule.</param>
internal sealed record ScheduledTrigger(string WorkflowId, int Index, ScheduleSpec Spec, string PayloadJson)
{
    public const string Group = "dataprep.schedules";

    /// <summary>The Quartz job name: one job per workflow trigger.</summary>
    public string JobName => string.Create(CultureInfo.InvariantCulture, $"{WorkflowId}#{Index}");

    /// <summary>Parses a job name back into the workflow id and trigger index.</summary>
    public static (string WorkflowId, int Index) ParseJobName(string jobName)
    {
        var hash = jobName.LastIndexOf('#');
        return (jobName[..hash], int.Parse(jobName[(hash + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>The trigger read from the index, or the reason it cannot be scheduled.</summary>
    public static (ScheduledTrigger? Trigger, string? Problem) From(StoredTrigger stored)
    {
        System.Text.Json.Nodes.JsonObject? payload;
        try
        {
            payload = System.Text.Json.Nodes.JsonNode.Parse(stored.PayloadJson) as System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, $"payload is not JSON ({e.Message})");
        }

        if (payload is null)
        {
            return (null, "payload is not a JSON object");
        }

        var (spec, problems) = ScheduleSpec.FromPayload(stored.TriggerType, payload);
        return spec is null
            ? (null, string.Join("; ", problems.Select(p => $"{p.Code} {p.Field}: {p.Message}")))
            : (new ScheduledTrigger(stored.WorkflowId, stored.Index, spec, stored.PayloadJson), null);
    }
}
