using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Consolidation;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Output;

/// <summary>Builds the two keys a labeled object adds to its manifest line: <c>&lt;attr&gt;</c> and <c>&lt;attr&gt;-metadata</c>.</summary>
internal static class LabelFields
{
    public static JsonObject Labeled(LabelingJobDefinition job, ConsolidatedLabel label, bool humanAnnotated, DateTimeOffset at)
    {
        var metadata = (JsonObject)label.Metadata.DeepClone();
        metadata["type"] = job.TaskType.GroundTruthType();
        metadata["job-name"] = job.LabelingJobName;
        metadata["human-annotated"] = humanAnnotated ? "yes" : "no";
        metadata["creation-date"] = GroundTruthTime.CreationDate(at);
        return new JsonObject
        {
            [job.LabelAttributeName] = label.Value.DeepClone(),
            [job.LabelAttributeName + "-metadata"] = metadata,
        };
    }

    /// <summary>An object no one labeled: metadata with the failure reason and no label value.</summary>
    public static JsonObject Failed(LabelingJobDefinition job, string reason, DateTimeOffset at) => new()
    {
        [job.LabelAttributeName + "-metadata"] = new JsonObject
        {
            ["failure-reason"] = reason,
            ["type"] = job.TaskType.GroundTruthType(),
            ["job-name"] = job.LabelingJobName,
            ["human-annotated"] = "yes",
            ["creation-date"] = GroundTruthTime.CreationDate(at),
        },
    };

    /// <summary>The output manifest line: the input line with the label keys added (replacing same-named keys).</summary>
    public static JsonObject OutputLine(JsonObject line, JsonObject? fields)
    {
        var output = (JsonObject)line.DeepClone();
        foreach (var (key, value) in fields ?? [])
        {
            output[key] = value?.DeepClone();
        }

        return output;
    }
}
