using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Consolidation;

/// <summary>
/// Single- and multi-label classification consolidation. Single label: majority vote, confidence = share of workers who
/// chose the winner; a tie goes to the label listed first in the label category configuration (the lowest class id).
/// Multi-label: per label, it is kept when more than half the workers chose it, with confidence = share choosing it.
/// </summary>
internal static class ClassificationConsolidation
{
    public static ConsolidatedLabel Single(LabelingJobDefinition job, IReadOnlyList<LabelAnswer> answers, int workers)
    {
        var votes = new int[job.Categories.Labels.Count];
        foreach (var answer in answers)
        {
            votes[job.Categories.ClassId(answer.Labels[0])]++;
        }

        var winner = 0;
        for (var classId = 1; classId < votes.Length; classId++)
        {
            if (votes[classId] > votes[winner])
            {
                winner = classId;
            }
        }

        return SingleLabel(job, winner, Confidence.Share(votes[winner], workers));
    }

    public static ConsolidatedLabel Multi(LabelingJobDefinition job, IReadOnlyList<LabelAnswer> answers, int workers)
    {
        var votes = new int[job.Categories.Labels.Count];
        foreach (var label in answers.SelectMany(a => a.Labels))
        {
            votes[job.Categories.ClassId(label)]++;
        }

        var kept = Enumerable.Range(0, votes.Length).Where(id => votes[id] * 2 > answers.Count).ToList();
        return MultiLabel(job, kept.Select(id => (id, Confidence.Share(votes[id], workers))).ToList());
    }

    /// <summary>The output of one class id: an integer for images, its text for text classification (as Ground Truth writes them).</summary>
    public static ConsolidatedLabel SingleLabel(LabelingJobDefinition job, int classId, double confidence)
    {
        JsonNode value = job.TaskType.IsText()
            ? JsonValue.Create(classId.ToString(CultureInfo.InvariantCulture))
            : JsonValue.Create(classId);
        return new ConsolidatedLabel(value, new JsonObject
        {
            ["class-name"] = job.Categories.Labels[classId],
            ["confidence"] = confidence,
        });
    }

    public static ConsolidatedLabel MultiLabel(LabelingJobDefinition job, IReadOnlyList<(int ClassId, double Confidence)> labels)
    {
        var classMap = new JsonObject();
        var confidenceMap = new JsonObject();
        foreach (var (classId, confidence) in labels)
        {
            var key = classId.ToString(CultureInfo.InvariantCulture);
            classMap[key] = job.Categories.Labels[classId];
            confidenceMap[key] = confidence;
        }

        return new ConsolidatedLabel(
            new JsonArray([.. labels.Select(l => (JsonNode)JsonValue.Create(l.ClassId))]),
            new JsonObject { ["class-map"] = classMap, ["confidence-map"] = confidenceMap });
    }
}
