using DataPrepWorkflows.Labeling.AutoLabeling;
using DataPrepWorkflows.Labeling.Consolidation;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Labeling.Running;

/// <summary>
/// Runs labeling jobs: automated labeling, creating a job, handing tasks to workers, taking answers, consolidation,
/// stopping, expiry, and writing the output when the job ends. Stateless apart from its store, so the CLI, the server
/// and the Label activity can each create one over the same store.
/// </summary>
public sealed class LabelingJobs
{
    /// <summary>Why a job ended: every object is labeled.</summary>
    public const string AllObjectsLabeled = "AllObjectsLabeled";

    /// <summary>Why a job ended: someone stopped it.</summary>
    public const string StoppedByRequest = "StoppedByRequest";

    /// <summary>Why a job ended: its task availability lifetime elapsed.</summary>
    public const string LifetimeElapsed = "TaskAvailabilityLifetimeElapsed";

    private readonly JobOutputWriter _output;
    private readonly TimeProvider _clock;
    private readonly ILabelingCompletionSink? _completionSink;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where jobs live.</param>
    /// <param name="files">Where manifests are read and output written.</param>
    /// <param name="clock">The clock. <value>The system clock.</value></param>
    /// <param name="completionSink">Told when a job a workflow waits on ends; <c>null</c> when no workflow host listens.</param>
    public LabelingJobs(ILabelingStore store, LabelingFiles files, TimeProvider? clock = null, ILabelingCompletionSink? completionSink = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(files);
        Store = store;
        Files = files;
        _output = new JobOutputWriter(files);
        _clock = clock ?? TimeProvider.System;
        _completionSink = completionSink;
    }

    /// <summary>The store.</summary>
    public ILabelingStore Store { get; }

    /// <summary>Where manifests are read and output written.</summary>
    public LabelingFiles Files { get; }

    /// <summary>Where a job's output manifest goes: <c>&lt;S3OutputPath&gt;/&lt;job-name&gt;/manifests/output/output.manifest</c>.</summary>
    public static string OutputManifestLocation(LabelingJobDefinition job) => JobOutputWriter.ManifestLocation(job);

    /// <summary>
    /// Validates the job and runs automated labeling: objects whose pre-label confidence is at least
    /// <paramref name="threshold"/> are labeled (<c>human-annotated: "no"</c>); the others stay for people.
    /// </summary>
    /// <exception cref="LabelingException">The job or the threshold is invalid.</exception>
    public async Task<LabelingPlan> PlanAsync(LabelingJobDefinition job, IReadOnlyList<DataObject> objects, IPreLabeler? preLabeler, double threshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        LabelingJobRules.EnsureValid(job);
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
        {
            throw new LabelingException(LabelingErrorCodes.InvalidAutoLabeling, "autoLabelThreshold", $"is {threshold}; it must be between 0 and 1.");
        }

        var now = _clock.GetUtcNow();
        var planned = new List<LabeledObject>(objects.Count);
        foreach (var item in objects)
        {
            var proposal = preLabeler is null ? null : await preLabeler.PreLabelAsync(item, job, cancellationToken).ConfigureAwait(false);
            planned.Add(AutoLabels.Accept(job, proposal, threshold) is { } label
                ? new LabeledObject(item.Index, item.Line, ObjectState.Auto, LabelFields.Labeled(job, label, humanAnnotated: false, now))
                : new LabeledObject(item.Index, item.Line, ObjectState.Pending));
        }

        return new LabelingPlan(job, planned);
    }

    /// <summary>
    /// Stores the job. When no object needs people it ends at once (output written, no waiter told); otherwise
    /// <paramref name="waiter"/> is recorded so its bookmark is resumed when the job ends.
    /// </summary>
    /// <exception cref="LabelingException"><see cref="LabelingErrorCodes.JobExists"/> when the name is taken.</exception>
    public async Task<LabelingJobSummary> CreateAsync(LabelingPlan plan, LabelingJobWaiter? waiter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var job = plan.Definition;
        var now = _clock.GetUtcNow();
        var record = new LabelingJobRecord(job, LabelingJobStatus.InProgress, now, now.AddSeconds(job.TaskAvailabilityLifetimeInSeconds),
            OutputManifestLocation(job), Waiter: waiter);
        await Store.CreateJobAsync(record, plan.Objects, cancellationToken).ConfigureAwait(false);
        return plan.HumanTasks == 0
            ? await EndAsync(job.LabelingJobName, LabelingJobStatus.Completed, AllObjectsLabeled, notify: false, cancellationToken).ConfigureAwait(false)
            : await GetRequiredAsync(job.LabelingJobName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The job with its counters, or <c>null</c>.</summary>
    public async Task<LabelingJobSummary?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var job = await Store.GetJobAsync(name, cancellationToken).ConfigureAwait(false);
        return job is null ? null : new LabelingJobSummary(job, await Store.GetProgressAsync(job.Name, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The job with its counters.</summary>
    /// <exception cref="LabelingException"><see cref="LabelingErrorCodes.JobNotFound"/>.</exception>
    public async Task<LabelingJobSummary> GetRequiredAsync(string name, CancellationToken cancellationToken = default) =>
        await GetAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw new LabelingException(LabelingErrorCodes.JobNotFound, "job", $"no labeling job is named '{name}'; list them with 'dataprep label list'.");

    /// <summary>Every job with its counters, newest first.</summary>
    public async Task<IReadOnlyList<LabelingJobSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var summaries = new List<LabelingJobSummary>();
        foreach (var job in await Store.ListJobsAsync(cancellationToken).ConfigureAwait(false))
        {
            summaries.Add(new LabelingJobSummary(job, await Store.GetProgressAsync(job.Name, cancellationToken).ConfigureAwait(false)));
        }

        return summaries;
    }

    /// <summary>
    /// The next task for <paramref name="workerId"/> (a specific object when <paramref name="objectIndex"/> is set), or
    /// <c>null</c> when none is left for that worker. A worker keeps its live claim; it is never given an object it has
    /// answered, skipped or let expire. A job past its lifetime ends first.
    /// </summary>
    public async Task<LabelingTask?> NextTaskAsync(string name, string workerId, int? objectIndex = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        var summary = await ExpireIfDueAsync(name, notify: true, cancellationToken).ConfigureAwait(false);
        if (summary.Status != LabelingJobStatus.InProgress)
        {
            return null;
        }

        var job = summary.Job.Definition;
        var now = _clock.GetUtcNow();
        var claim = await Store.ClaimAsync(summary.Name, workerId, objectIndex, job.NumberOfHumanWorkersPerDataObject, now,
            now.AddSeconds(job.TaskTimeLimitInSeconds), cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return null;
        }

        var item = (await Store.GetObjectsAsync(summary.Name, cancellationToken).ConfigureAwait(false))[claim.ObjectIndex];
        var data = new DataObject(item.Index, 0, item.Line);
        return new LabelingTask(summary.Name, item.Index, job.TaskType, data.Source, data.SourceRef, job.Categories.Labels,
            job.TaskTitle ?? job.LabelingJobName, job.TaskDescription, job.Instructions, claim.ExpiresAt, summary.Progress);
    }

    /// <summary>
    /// Records a worker's answer on its claimed object. When the object has all its answers it is consolidated; when
    /// every object is labeled the job completes, its output is written and its waiter told.
    /// </summary>
    /// <exception cref="LabelingException">The job is unknown or ended, the worker holds no claim, or the answer does not fit.</exception>
    public async Task<LabelingJobSummary> SubmitAsync(string name, string workerId, int objectIndex, LabelAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var summary = await ExpireIfDueAsync(name, notify: true, cancellationToken).ConfigureAwait(false);
        var job = summary.Job.Definition;
        AnswerRules.EnsureValid(job, answer);
        var now = _clock.GetUtcNow();
        // The store keeps the claim's own time as the answer's acceptance time.
        await Store.AddAnswerAsync(summary.Name, new WorkerAnswer(objectIndex, workerId, answer, now, now), job.NumberOfHumanWorkersPerDataObject,
            answers => Consolidate(job, answers, now), cancellationToken).ConfigureAwait(false);
        var progress = await Store.GetProgressAsync(summary.Name, cancellationToken).ConfigureAwait(false);
        return progress.Unlabeled == 0
            ? await EndAsync(summary.Name, LabelingJobStatus.Completed, AllObjectsLabeled, notify: true, cancellationToken).ConfigureAwait(false)
            : new LabelingJobSummary(summary.Job, progress);
    }

    /// <summary>The worker declines the object; it is not offered to that worker again.</summary>
    public async Task SkipAsync(string name, string workerId, int objectIndex, CancellationToken cancellationToken = default)
    {
        var summary = await GetRequiredAsync(name, cancellationToken).ConfigureAwait(false);
        await Store.SkipAsync(summary.Name, workerId, objectIndex, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the job: answered objects are consolidated, the rest fail; output is written and the waiter told.</summary>
    /// <exception cref="LabelingException"><see cref="LabelingErrorCodes.JobNotFound"/> or <see cref="LabelingErrorCodes.JobNotInProgress"/>.</exception>
    public async Task<LabelingJobSummary> StopAsync(string name, CancellationToken cancellationToken = default)
    {
        var summary = await GetRequiredAsync(name, cancellationToken).ConfigureAwait(false);
        if (summary.Status != LabelingJobStatus.InProgress)
        {
            throw new LabelingException(LabelingErrorCodes.JobNotInProgress, "job", $"labeling job '{summary.Name}' is already {summary.Status}.");
        }

        return await EndAsync(summary.Name, LabelingJobStatus.Stopped, StoppedByRequest, notify: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every in-progress job whose task availability lifetime has elapsed; returns them.</summary>
    public async Task<IReadOnlyList<LabelingJobSummary>> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var ended = new List<LabelingJobSummary>();
        var now = _clock.GetUtcNow();
        foreach (var job in await Store.ListJobsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (job.Status == LabelingJobStatus.InProgress && job.Deadline <= now)
            {
                ended.Add(await EndAsync(job.Name, LabelingJobStatus.Completed, LifetimeElapsed, notify: true, cancellationToken).ConfigureAwait(false));
            }
        }

        return ended;
    }

    /// <summary>
    /// Ends the job when its lifetime has elapsed, then returns it. <paramref name="notify"/> is false when the waiter
    /// itself asks (the Label activity resumed by its own timer), so it is not resumed twice.
    /// </summary>
    public async Task<LabelingJobSummary> ExpireIfDueAsync(string name, bool notify, CancellationToken cancellationToken = default)
    {
        var summary = await GetRequiredAsync(name, cancellationToken).ConfigureAwait(false);
        return summary.Status == LabelingJobStatus.InProgress && summary.Job.Deadline <= _clock.GetUtcNow()
            ? await EndAsync(summary.Name, LabelingJobStatus.Completed, LifetimeElapsed, notify, cancellationToken).ConfigureAwait(false)
            : summary;
    }

    /// <summary>
    /// What the waiting workflow calls when its bookmark is resumed: the ended job; a job still in progress (the
    /// bookmark was resumed by hand) is ended first — completed if its lifetime elapsed, stopped otherwise — without
    /// telling the waiter, who is the caller.
    /// </summary>
    public async Task<LabelingJobSummary> EndForWaiterAsync(string name, CancellationToken cancellationToken = default)
    {
        var summary = await ExpireIfDueAsync(name, notify: false, cancellationToken).ConfigureAwait(false);
        return summary.Status == LabelingJobStatus.InProgress
            ? await EndAsync(summary.Name, LabelingJobStatus.Stopped, StoppedByRequest, notify: false, cancellationToken).ConfigureAwait(false)
            : summary;
    }

    private async Task<LabelingJobSummary> EndAsync(string name, LabelingJobStatus status, string reason, bool notify, CancellationToken cancellationToken)
    {
        var job = (await GetRequiredAsync(name, cancellationToken).ConfigureAwait(false)).Job;
        var now = _clock.GetUtcNow();
        var failure = reason == StoppedByRequest ? "ClientError: the labeling job was stopped before this object was labeled."
            : "ClientError: no worker labeled this object before the task availability lifetime elapsed.";
        var ended = await Store.EndJobAsync(name, status, now, reason, answers => Consolidate(job.Definition, answers, now),
            LabelFields.Failed(job.Definition, failure, now), cancellationToken).ConfigureAwait(false);
        var summary = await GetRequiredAsync(name, cancellationToken).ConfigureAwait(false);
        if (!ended)
        {
            return summary;
        }

        var objects = await Store.GetObjectsAsync(name, cancellationToken).ConfigureAwait(false);
        var answers = await Store.GetAnswersAsync(name, cancellationToken).ConfigureAwait(false);
        await _output.WriteAsync(summary.Job, objects, answers, now, cancellationToken).ConfigureAwait(false);
        if (notify && summary.Waiter is not null && _completionSink is not null)
        {
            await _completionSink.JobEndedAsync(summary, cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }

    private static System.Text.Json.Nodes.JsonObject Consolidate(LabelingJobDefinition job, IReadOnlyList<WorkerAnswer> answers, DateTimeOffset now) =>
        LabelFields.Labeled(job, AnswerConsolidation.Consolidate(job, answers.Select(a => a.Answer).ToList()), humanAnnotated: true, now);
}
