namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>Checks a worker's answer against the job's task type and label categories.</summary>
internal static class AnswerRules
{
    public static void EnsureValid(LabelingJobDefinition job, LabelAnswer answer)
    {
        const string Field = "answer";
        var labels = answer.Labels ?? [];
        if (job.TaskType == LabelingTaskType.BoundingBox)
        {
            if (answer.ImageSize is not { Width: > 0, Height: > 0, Depth: > 0 })
            {
                throw Invalid(Field + ".imageSize", "a bounding box answer needs the image's width and height (positive).");
            }

            foreach (var box in answer.Boxes ?? [])
            {
                if (job.Categories.ClassId(box.Label) < 0)
                {
                    throw Invalid(Field + ".boxes", $"label '{box.Label}' is not one of the job's labels ({string.Join(", ", job.Categories.Labels)}).");
                }

                if (box.Width <= 0 || box.Height <= 0 || box.Left < 0 || box.Top < 0)
                {
                    throw Invalid(Field + ".boxes", $"box '{box.Label}' at ({box.Left}, {box.Top}) size {box.Width}×{box.Height} must have a non-negative position and a positive size.");
                }
            }

            return;
        }

        if (!job.TaskType.IsMultiLabel() && labels.Count != 1)
        {
            throw Invalid(Field + ".labels", $"{job.TaskType} takes exactly one label; {labels.Count} were given.");
        }

        foreach (var label in labels)
        {
            if (job.Categories.ClassId(label) < 0)
            {
                throw Invalid(Field + ".labels", $"'{label}' is not one of the job's labels ({string.Join(", ", job.Categories.Labels)}).");
            }
        }

        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            throw Invalid(Field + ".labels", "a label is given twice.");
        }
    }

    private static LabelingException Invalid(string field, string message) => new(LabelingErrorCodes.InvalidAnswer, field, message);
}
