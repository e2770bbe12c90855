namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>The Ground Truth built-in task types a local labeling job supports.</summary>
public enum LabelingTaskType
{
    /// <summary>One label per text (<c>groundtruth/text-classification</c>).</summary>
    TextClassification,

    /// <summary>Any number of labels per text (<c>groundtruth/text-classification-multilabel</c>).</summary>
    TextClassificationMultiLabel,

    /// <summary>One label per image (<c>groundtruth/image-classification</c>).</summary>
    ImageClassification,

    /// <summary>Any number of labels per image (<c>groundtruth/image-classification-multilabel</c>).</summary>
    ImageClassificationMultiLabel,

    /// <summary>Labeled boxes around objects in an image (<c>groundtruth/object-detection</c>).</summary>
    BoundingBox,
}

/// <summary>What each task type means for manifests, answers and output.</summary>
public static class LabelingTaskTypes
{
    /// <summary>The metadata <c>type</c> Ground Truth writes for the task type.</summary>
    public static string GroundTruthType(this LabelingTaskType type) => type switch
    {
        LabelingTaskType.TextClassification => "groundtruth/text-classification",
        LabelingTaskType.TextClassificationMultiLabel => "groundtruth/text-classification-multilabel",
        LabelingTaskType.ImageClassification => "groundtruth/image-classification",
        LabelingTaskType.ImageClassificationMultiLabel => "groundtruth/image-classification-multilabel",
        LabelingTaskType.BoundingBox => "groundtruth/object-detection",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Whether a worker may choose several labels for one object.</summary>
    public static bool IsMultiLabel(this LabelingTaskType type) =>
        type is LabelingTaskType.TextClassificationMultiLabel or LabelingTaskType.ImageClassificationMultiLabel;

    /// <summary>Whether the objects are texts (inline <c>source</c> or a text file) rather than images.</summary>
    public static bool IsText(this LabelingTaskType type) =>
        type is LabelingTaskType.TextClassification or LabelingTaskType.TextClassificationMultiLabel;

    /// <summary>
    /// Reads a task type from its enum name (<c>TextClassification</c>) or its Ground Truth type with or without the
    /// <c>groundtruth/</c> prefix (<c>text-classification-multilabel</c>, <c>object-detection</c>); case-insensitive.
    /// </summary>
    public static bool TryParse(string? text, out LabelingTaskType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<LabelingTaskType>())
        {
            var groundTruth = candidate.GroundTruthType();
            if (string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, groundTruth, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, groundTruth["groundtruth/".Length..], StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        return false;
    }
}
