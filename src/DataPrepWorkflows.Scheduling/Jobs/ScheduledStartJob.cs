using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Scheduling.Schedules;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DataPrepWorkflows.Scheduling.Jobs;

/// <summary>
/// A fire: asks the runtime to start the workflow, with a deduplication key made of the workflow, the trigger and the
/// fire's schedule slot, so a slot fired twice (two schedulers, a restart mid-fire, a recovered fire) starts one run.
/// </summary>
internal sealed partial class ScheduledStartJob(IWorkflowRuntime runtime, WorkflowSchedulerOptions options, ILogger logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var (workflowId, index) = ScheduledTrigger.ParseJobName(context.JobDetail.Key.Name);
        var stored = new StoredTrigger(workflowId, 0, index, KindOf(context.JobDetail.Description), null, context.JobDetail.Description ?? "");
        var (trigger, problem) = ScheduledTrigger.From(stored);
        if (trigger is null)
        {
            LogUnreadable(logger, workflowId, index, problem ?? "");
            return;
        }

        var fire = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var slot = ScheduleSlot.Of(trigger.Spec, fire);
        var key = string.Create(CultureInfo.InvariantCulture, $"schedule:{workflowId}:{index}:{slot.UtcTicks}");
        var request = new StartWorkflowRequest
        {
            WorkflowId = workflowId,
            Trigger = new JsonObject
            {
                ["type"] = trigger.Spec.Kind,
                ["index"] = index,
                ["scheduledTime"] = slot.ToString("O", CultureInfo.InvariantCulture),
                ["fireTime"] = context.FireTimeUtc.ToString("O", CultureInfo.InvariantCulture),
            },
            CorrelationId = key,
            Deduplication = new DeduplicationRecord(key, slot + options.DeduplicationWindow),
        };

        try
        {
            var started = await runtime.StartAsync(request, context.CancellationToken).ConfigureAwait(false);
            if (started.Duplicate)
            {
                LogDuplicate(logger, key);
            }
            else
            {
                LogStarted(logger, workflowId, started.InstanceId, key);
            }
        }
        catch (WorkflowNotFoundException e)
        {
            // Unpublished between the index sync and the fire; the next sync removes the job.
            LogNotFound(logger, workflowId, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Quartz re-fires at once when asked; the key makes that safe if the start had been accepted after all.
            throw new JobExecutionException(e, refireImmediately: false);
        }
    }

    private static string KindOf(string? payloadJson)
    {
        var node = payloadJson is null ? null : JsonNode.Parse(payloadJson);
        return node?["kind"]?.GetValue<string>() ?? "";
    }

    [LoggerMessage(LogLevel.Information, "Schedule {Key} started {WorkflowId} as {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string workflowId, string instanceId, string key);

    [LoggerMessage(LogLevel.Debug, "Schedule {Key} already started a run; this fire is a duplicate")]
    private static partial void LogDuplicate(ILogger logger, string key);

    [LoggerMessage(LogLevel.Warning, "Schedule of {WorkflowId}: {Message}")]
    private static partial void LogNotFound(ILogger logger, string workflowId, string message);

    [LoggerMessage(LogLevel.Error, "Schedule {Index} of {WorkflowId} cannot be read: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string workflowId, int index, string problem);
}
