using DataPrepWorkflows.Runtime;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Spi;

namespace DataPrepWorkflows.Scheduling.Jobs;

/// <summary>Gives Quartz's fires the runtime they start workflows with (Quartz would otherwise need a container).</summary>
internal sealed class ScheduledStartJobFactory(IWorkflowRuntime runtime, WorkflowSchedulerOptions options, ILogger logger) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) =>
        bundle.JobDetail.JobType == typeof(ScheduledStartJob)
            ? new ScheduledStartJob(runtime, options, logger)
            : throw new SchedulerException($"Unknown job type {bundle.JobDetail.JobType} in the schedule store.");

    public void ReturnJob(IJob job)
    {
    }
}
