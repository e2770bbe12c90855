using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Labeling.Running;

/// <summary>A validated job after automated labeling: which objects are labeled already and which go to people.</summary>
/// <param name="Definition">The job.</param>
/// <param name="Objects">Every object, auto-labeled ones with their label fields.</param>
public sealed record LabelingPlan(LabelingJobDefinition Definition, IReadOnlyList<LabeledObject> Objects)
{
    /// <summary>Objects labeled automatically.</summary>
    public int AutoLabeled => Objects.Count(o => o.State == ObjectState.Auto);

    /// <summary>Objects that need people.</summary>
    public int HumanTasks => Objects.Count(o => o.State == ObjectState.Pending);
}
