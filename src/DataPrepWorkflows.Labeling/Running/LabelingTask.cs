using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Labeling.Running;

/// <summary>One task for one worker: the object to label, how, and until when the claim holds.</summary>
/// <param name="JobName">The job.</param>
/// <param name="ObjectIndex">The object's <c>datasetObjectId</c>; send it back with the answer.</param>
/// <param name="TaskType">The task type.</param>
/// <param name="Source">The inline text, or <c>null</c>.</param>
/// <param name="SourceRef">The object's s3:// URI, or <c>null</c>.</param>
/// <param name="Labels">The label categories in class-id order.</param>
/// <param name="Title">The task title.</param>
/// <param name="Description">The task description.</param>
/// <param name="Instructions">The worker instructions.</param>
/// <param name="ExpiresAt">When the claim lapses (TaskTimeLimitInSeconds after it was taken).</param>
/// <param name="Progress">The job's counters.</param>
public sealed record LabelingTask(
    string JobName,
    int ObjectIndex,
    LabelingTaskType TaskType,
    string? Source,
    string? SourceRef,
    IReadOnlyList<string> Labels,
    string Title,
    string? Description,
    string? Instructions,
    DateTimeOffset ExpiresAt,
    LabelingProgress Progress);
