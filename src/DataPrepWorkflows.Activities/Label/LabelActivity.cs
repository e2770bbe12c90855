using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Activities.Label;

/// <summary>
/// A SageMaker Ground Truth labeling job: automated labeling first, then people for what remains. When nothing needs
/// people it completes at once; otherwise it creates the job, records its bookmark on it and suspends (no thread held)
/// until the job completes, is stopped or its task availability lifetime elapses, when the host resumes the bookmark.
/// Writes Ground Truth's output manifest and worker responses.
/// </summary>
[Activity("Label", Category = "Labeling", Description = "Runs a SageMaker Ground Truth labeling job (text/image classification, bounding boxes) with automated labeling and human workers; waits on a bookmark while people label.")]
[Outcomes(OutcomeCompleted, OutcomeStopped)]
public sealed class LabelActivity : Activity
{
    /// <summary>The outcome when every object is labeled or the job's lifetime elapsed.</summary>
    public const string OutcomeCompleted = "Completed";

    /// <summary>The outcome when someone stopped the job.</summary>
    public const string OutcomeStopped = "Stopped";

    /// <summary>The bookmark name the activity waits on.</summary>
    public const string BookmarkName = "Label.Completed";

    private const string JobProperty = "labelingJobName";

    /// <summary>LabelingJobName.</summary>
    [Input(Required = true, Order = 0, Description = "LabelingJobName: 1–63 letters, digits and hyphens; unique (case-insensitively) in the labeling store.")]
    public string LabelingJobName { get; set; } = "";

    /// <summary>LabelAttributeName.</summary>
    [Input(Required = true, Order = 1, Description = "LabelAttributeName: the output manifest key of the label; letters, digits and hyphens, not ending with -metadata or -ref.")]
    public string LabelAttributeName { get; set; } = "";

    /// <summary>The task type.</summary>
    [Input(Order = 2, DefaultJson = "\"TextClassification\"", AllowedValues = ["TextClassification", "TextClassificationMultiLabel", "ImageClassification", "ImageClassificationMultiLabel", "BoundingBox"], Description = "The task type.")]
    public string TaskType { get; set; } = nameof(LabelingTaskType.TextClassification);

    /// <summary>The input manifest.</summary>
    [Input(Order = 3, Category = "Input", Description = "ManifestS3Uri: the input manifest (JSON Lines with source or source-ref per line), a path or s3:// URI. Or give data.")]
    public string? ManifestS3Uri { get; set; }

    /// <summary>A dataset to label instead of a manifest.</summary>
    [Input(Order = 4, Category = "Input", Description = "A dataset (CSV, JSON Lines or Parquet; path or s3:// URI) turned into a manifest: every column passes through and sourceColumn becomes source (or source-ref with sourceRefColumn).")]
    public string? Data { get; set; }

    /// <summary>The dataset column holding the text.</summary>
    [Input(Order = 5, Category = "Input", Description = "With data: the column holding each object's text (becomes source).")]
    public string? SourceColumn { get; set; }

    /// <summary>The dataset column holding the object URI.</summary>
    [Input(Order = 6, Category = "Input", Description = "With data: the column holding each object's s3:// URI (becomes source-ref).")]
    public string? SourceRefColumn { get; set; }

    /// <summary>The label category configuration file.</summary>
    [Input(Order = 7, Description = "LabelCategoryConfigS3Uri: path or s3:// URI of {\"document-version\": \"2018-11-28\", \"labels\": [{\"label\": …}]}. Or give labels.")]
    public string? LabelCategoryConfigS3Uri { get; set; }

    /// <summary>Inline label categories.</summary>
    [Input(Order = 8, UIHint = "json-editor", Description = "The label categories inline: an array of names or the label category configuration object.")]
    public JsonNode? Labels { get; set; }

    /// <summary>S3OutputPath.</summary>
    [Input(Required = true, Order = 9, Description = "OutputConfig.S3OutputPath: folder (path or s3:// URI) under which <job-name>/manifests/output/output.manifest is written.")]
    public string S3OutputPath { get; set; } = "";

    /// <summary>TaskTitle.</summary>
    [Input(Order = 10, Category = "Human task", Description = "HumanTaskConfig.TaskTitle (1–128 characters); defaults to the job name.")]
    public string? TaskTitle { get; set; }

    /// <summary>TaskDescription.</summary>
    [Input(Order = 11, Category = "Human task", Description = "HumanTaskConfig.TaskDescription (1–255 characters).")]
    public string? TaskDescription { get; set; }

    /// <summary>Instructions for workers.</summary>
    [Input(Order = 12, Category = "Human task", UIHint = "multiline", Description = "Instructions shown to workers with each task.")]
    public string? Instructions { get; set; }

    /// <summary>NumberOfHumanWorkersPerDataObject.</summary>
    [Input(Order = 13, Category = "Human task", DefaultJson = "1", Description = "HumanTaskConfig.NumberOfHumanWorkersPerDataObject (1–9); answers are consolidated by majority vote.")]
    public int NumberOfHumanWorkersPerDataObject { get; set; } = 1;

    /// <summary>TaskTimeLimitInSeconds.</summary>
    [Input(Order = 14, Category = "Human task", DefaultJson = "300", Description = "HumanTaskConfig.TaskTimeLimitInSeconds (≥ 30): how long a worker's claim on a task lasts.")]
    public int TaskTimeLimitInSeconds { get; set; } = 300;

    /// <summary>TaskAvailabilityLifetimeInSeconds.</summary>
    [Input(Order = 15, Category = "Human task", DefaultJson = "864000", Description = "HumanTaskConfig.TaskAvailabilityLifetimeInSeconds (≥ 60): when it elapses the job completes and unlabeled objects fail.")]
    public int TaskAvailabilityLifetimeInSeconds { get; set; } = 864_000;

    /// <summary>The pre-labeler.</summary>
    [Input(Order = 16, Category = "Automated labeling", UIHint = "json-editor", Description = "{\"predictions\": {\"labelKey\": …, \"confidenceKey\": …}} or {\"rules\": [{\"label\": …, \"pattern\"|\"keywords\": …, \"confidence\": 0.9}], \"textKey\": \"source\"}.")]
    public JsonObject? AutoLabeling { get; set; }

    /// <summary>The confidence threshold of automated labeling.</summary>
    [Input(Order = 17, Category = "Automated labeling", DefaultJson = "0.8", Description = "Objects whose pre-label confidence is at least this (0–1) are labeled automatically (human-annotated: no).")]
    public double AutoLabelThreshold { get; set; } = 0.8;

    /// <summary>Where to write the labeled objects as a flat dataset.</summary>
    [Input(Order = 18, Category = "Output", Description = "Also write the labeled objects as flat JSON Lines (path or s3:// URI ending in .jsonl): each line plus <attr> (class name), <attr>_confidence, <attr>_human_annotated and <attr>_labeled_at (epoch seconds), for activities that read datasets.")]
    public string? LabeledDataOutput { get; set; }

    /// <summary>The output manifest.</summary>
    [Output(Description = "The output manifest: <S3OutputPath>/<job-name>/manifests/output/output.manifest.")]
    public string OutputManifest { get; private set; } = "";

    /// <summary>Objects labeled by people.</summary>
    [Output(Description = "Objects labeled by people (consolidated).")]
    public int HumanLabeled { get; private set; }

    /// <summary>Objects labeled automatically.</summary>
    [Output(Description = "Objects labeled automatically.")]
    public int AutoLabeled { get; private set; }

    /// <summary>Objects not labeled.</summary>
    [Output(Description = "Objects no one labeled before the job was stopped or its lifetime elapsed.")]
    public int FailedLabels { get; private set; }

    /// <summary>Objects in the job.</summary>
    [Output(Description = "Objects in the job.")]
    public int Total { get; private set; }

    /// <summary>The flat labeled dataset.</summary>
    [Output(Description = "The flat labeled dataset written (labeledDataOutput), or empty.")]
    public string LabeledData { get; private set; } = "";

    /// <summary>The job's final status.</summary>
    [Output(Description = "LabelingJobStatus: Completed or Stopped.")]
    public string Status { get; private set; } = "";

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var jobs = LabelingServices.Jobs(context);
        try
        {
            var request = new LabelJobRequest(this);
            var definition = await request.DefinitionAsync(context, jobs.Files).ConfigureAwait(false);
            var objects = await request.ObjectsAsync(context, jobs.Files, definition).ConfigureAwait(false);
            var plan = await jobs.PlanAsync(definition, objects, request.PreLabeler(), AutoLabelThreshold, context.CancellationToken).ConfigureAwait(false);
            LabelLog.Planned(context.Logger, definition.LabelingJobName, objects.Count, plan.AutoLabeled, plan.HumanTasks);
            if (plan.HumanTasks == 0)
            {
                await FinishAsync(context, jobs, await jobs.CreateAsync(plan, null, context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return;
            }

            var bookmark = context.CreateBookmark(BookmarkName, new JsonObject { ["labelingJobName"] = definition.LabelingJobName });
            context.Properties[JobProperty] = definition.LabelingJobName;
            var waiter = new LabelingJobWaiter(context.WorkflowInstanceId, bookmark.Id);
            await jobs.CreateAsync(plan, waiter, context.CancellationToken).ConfigureAwait(false);
            LabelLog.Waiting(context.Logger, definition.LabelingJobName, plan.HumanTasks, definition.NumberOfHumanWorkersPerDataObject);
        }
        catch (LabelingException error)
        {
            throw new ActivityFaultException(error.Code, error.Message);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Properties[JobProperty]?.GetValue<string>()
            ?? throw new InvalidOperationException("The Label activity was resumed without the job it waits on.");
        try
        {
            var jobs = LabelingServices.Jobs(context);
            await FinishAsync(context, jobs, await jobs.EndForWaiterAsync(name, context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (LabelingException error)
        {
            throw new ActivityFaultException(error.Code, error.Message);
        }
    }

    private async Task FinishAsync(ActivityContext context, LabelingJobs jobs, LabelingJobSummary job)
    {
        if (!string.IsNullOrWhiteSpace(LabeledDataOutput))
        {
            await LabeledDataset.WriteAsync(jobs, job, LabeledDataOutput, context.CancellationToken).ConfigureAwait(false);
            LabeledData = LabeledDataOutput;
        }

        OutputManifest = job.OutputManifest;
        HumanLabeled = job.Progress.HumanLabeled;
        AutoLabeled = job.Progress.MachineLabeled;
        FailedLabels = job.Progress.Failed;
        Total = job.Progress.Total;
        Status = job.Status.ToString();
        LabelLog.Finished(context.Logger, job.Name, job.Status.ToString(), HumanLabeled, AutoLabeled, FailedLabels);
        context.SetOutcome(job.Status == LabelingJobStatus.Stopped ? OutcomeStopped : OutcomeCompleted);
    }
}
