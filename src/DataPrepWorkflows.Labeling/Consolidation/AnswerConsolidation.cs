using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Consolidation;

/// <summary>Chooses the consolidation for the job's task type.</summary>
internal static class AnswerConsolidation
{
    /// <summary>
    /// Consolidates the answers for one object. The agreement base is the number of answers received (the workers per
    /// object when the task was fully answered; fewer when a stopped or timed-out job consolidates what it has), and
    /// always 1 for one-worker jobs, whose confidence Ground Truth writes as 0.00.
    /// </summary>
    public static ConsolidatedLabel Consolidate(LabelingJobDefinition job, IReadOnlyList<LabelAnswer> answers)
    {
        if (answers.Count == 0)
        {
            throw new ArgumentException("At least one answer is needed.", nameof(answers));
        }

        var workers = job.NumberOfHumanWorkersPerDataObject == 1 ? 1 : answers.Count;
        return job.TaskType switch
        {
            LabelingTaskType.BoundingBox => BoundingBoxConsolidation.Consolidate(job, answers, workers),
            _ when job.TaskType.IsMultiLabel() => ClassificationConsolidation.Multi(job, answers, workers),
            _ => ClassificationConsolidation.Single(job, answers, workers),
        };
    }
}
