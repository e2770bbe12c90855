using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.AutoLabeling;

/// <summary>
/// Proposes a label for an object before people see it. Objects whose proposal reaches the job's confidence threshold
/// are labeled automatically (<c>human-annotated: "no"</c>); the rest become human tasks. Implement it to plug in a
/// model; the built-ins read a predictions key (<see cref="PredictionPreLabeler"/>) or match text rules
/// (<see cref="RulePreLabeler"/>).
/// </summary>
public interface IPreLabeler
{
    /// <summary>The proposal for <paramref name="item"/>, or <c>null</c> when there is none.</summary>
    /// <param name="item">The manifest line.</param>
    /// <param name="job">The job (task type and label categories).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<PreLabel?> PreLabelAsync(DataObject item, LabelingJobDefinition job, CancellationToken cancellationToken);
}

/// <summary>A proposed label.</summary>
/// <param name="Labels">The label(s): one for single-label tasks; any number for multi-label tasks. Each must be a job label.</param>
/// <param name="Confidence">How sure the pre-labeler is, 0–1.</param>
public sealed record PreLabel(IReadOnlyList<string> Labels, double Confidence);
