namespace DataPrepWorkflows.Labeling.Running;

/// <summary>
/// Told when a job that a workflow waits on ends (all objects labeled, stopped, or its task availability lifetime
/// elapsed) because of something outside the workflow: a submitted answer, a stop request, the expiry sweep. The host
/// implements it by resuming <see cref="LabelingJobSummary.Waiter"/>'s bookmark on its workflow instance.
/// </summary>
public interface ILabelingCompletionSink
{
    /// <summary>Called once per job, after its output is written, when the job has a waiter.</summary>
    /// <param name="job">The ended job, with its waiter, counters and output manifest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task JobEndedAsync(LabelingJobSummary job, CancellationToken cancellationToken);
}
