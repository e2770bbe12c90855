using DataPrepWorkflows.Labeling.Consolidation;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.AutoLabeling;

/// <summary>Turns a pre-label that reaches the threshold into a label; bounding box jobs are always labeled by people.</summary>
internal static class AutoLabels
{
    public static ConsolidatedLabel? Accept(LabelingJobDefinition job, PreLabel? proposal, double threshold)
    {
        if (proposal is null || job.TaskType == LabelingTaskType.BoundingBox || proposal.Confidence < threshold || proposal.Labels.Count == 0)
        {
            return null;
        }

        var ids = proposal.Labels.Select(job.Categories.ClassId).Distinct().ToList();
        if (ids.Any(id => id < 0) || (!job.TaskType.IsMultiLabel() && ids.Count != 1))
        {
            return null;
        }

        var confidence = Confidence.Of(proposal.Confidence);
        return job.TaskType.IsMultiLabel()
            ? ClassificationConsolidation.MultiLabel(job, ids.Order().Select(id => (id, confidence)).ToList())
            : ClassificationConsolidation.SingleLabel(job, ids[0], confidence);
    }
}
