using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Running;

namespace DataPrepWorkflows.Labeling.Web.Api;

/// <summary>A task as the page receives it.</summary>
internal static class TaskJson
{
    public static JsonObject Of(LabelingTask task) => new()
    {
        ["jobName"] = task.JobName,
        ["objectIndex"] = task.ObjectIndex,
        ["taskType"] = task.TaskType.ToString(),
        ["source"] = task.Source,
        ["sourceRef"] = task.SourceRef,
        ["labels"] = new JsonArray([.. task.Labels.Select(l => (JsonNode)JsonValue.Create(l))]),
        ["title"] = task.Title,
        ["description"] = task.Description,
        ["instructions"] = task.Instructions,
        ["expiresAt"] = task.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        ["progress"] = new JsonObject
        {
            ["labeled"] = task.Progress.Labeled,
            ["failed"] = task.Progress.Failed,
            ["total"] = task.Progress.Total,
        },
    };
}
