using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Runtime;

namespace DataPrepWorkflows.Server;

/// <summary>
/// Resumes the workflow waiting on a labeling job when the job ends: the Label activity's bookmark gets the job's
/// summary (status, counters, output manifest) as its input. The runtime is resolved late because the runtime's
/// engine services hold this sink.
/// </summary>
public sealed class RuntimeLabelingCompletion(Func<IWorkflowRuntime> runtime) : ILabelingCompletionSink
{
    /// <inheritdoc />
    public async Task JobEndedAsync(LabelingJobSummary job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Waiter is { } waiter)
        {
            // False means the bookmark was already resumed (a repeated notification): nothing more to do.
            await runtime().ResumeAsync(waiter.BookmarkId, job.ToJson(), cancellationToken);
        }
    }
}
