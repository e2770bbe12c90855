using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Labeling.Running;

/// <summary>A job as <c>DescribeLabelingJob</c> shows it: status, counters, output location, and who waits for it.</summary>
/// <param name="Job">The stored job.</param>
/// <param name="Progress">Its counters.</param>
public sealed record LabelingJobSummary(LabelingJobRecord Job, LabelingProgress Progress)
{
    /// <summary>The job's name.</summary>
    public string Name => Job.Name;

    /// <summary>Its status.</summary>
    public LabelingJobStatus Status => Job.Status;

    /// <summary>The workflow waiting for it, if any.</summary>
    public LabelingJobWaiter? Waiter => Job.Waiter;

    /// <summary>The output manifest's location (written when the job ends).</summary>
    public string OutputManifest => Job.OutputManifest;

    /// <summary>The <c>DescribeLabelingJob</c>-shaped JSON the API and CLI print.</summary>
    public JsonObject ToJson()
    {
        var definition = Job.Definition;
        var json = new JsonObject
        {
            ["LabelingJobName"] = Name,
            ["LabelingJobStatus"] = Status.ToString(),
            ["LabelCounters"] = new JsonObject
            {
                ["TotalLabeled"] = Progress.Labeled,
                ["HumanLabeled"] = Progress.HumanLabeled,
                ["MachineLabeled"] = Progress.MachineLabeled,
                ["FailedNonRetryableError"] = Progress.Failed,
                ["Unlabeled"] = Progress.Unlabeled,
            },
            ["Total"] = Progress.Total,
            ["LabelAttributeName"] = definition.LabelAttributeName,
            ["TaskType"] = definition.TaskType.ToString(),
            ["Labels"] = new JsonArray([.. definition.Categories.Labels.Select(l => (JsonNode)JsonValue.Create(l))]),
            ["HumanTaskConfig"] = new JsonObject
            {
                ["TaskTitle"] = definition.TaskTitle ?? definition.LabelingJobName,
                ["TaskDescription"] = definition.TaskDescription,
                ["NumberOfHumanWorkersPerDataObject"] = definition.NumberOfHumanWorkersPerDataObject,
                ["TaskTimeLimitInSeconds"] = definition.TaskTimeLimitInSeconds,
                ["TaskAvailabilityLifetimeInSeconds"] = definition.TaskAvailabilityLifetimeInSeconds,
            },
            ["CreationTime"] = Job.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["Deadline"] = Job.Deadline.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["LabelingJobOutput"] = new JsonObject { ["OutputDatasetS3Uri"] = OutputManifest },
        };
        if (Job.EndedAt is { } ended)
        {
            json["EndTime"] = ended.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            json["EndReason"] = Job.EndReason;
        }

        if (Waiter is { } waiter)
        {
            json["WorkflowInstanceId"] = waiter.InstanceId;
            json["BookmarkId"] = waiter.BookmarkId;
        }

        return json;
    }
}
