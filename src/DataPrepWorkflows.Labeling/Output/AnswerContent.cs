using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Output;

/// <summary>A worker's answer as the built-in task templates post it (<c>answerContent</c> of a worker response).</summary>
internal static class AnswerContent
{
    public static JsonObject Of(LabelingTaskType type, LabelAnswer answer) => type switch
    {
        LabelingTaskType.BoundingBox => new JsonObject
        {
            ["boundingBox"] = new JsonObject
            {
                ["boundingBoxes"] = new JsonArray([.. (answer.Boxes ?? []).Select(b => (JsonNode)new JsonObject
                {
                    ["height"] = b.Height,
                    ["label"] = b.Label,
                    ["left"] = b.Left,
                    ["top"] = b.Top,
                    ["width"] = b.Width,
                })]),
                ["inputImageProperties"] = new JsonObject
                {
                    ["height"] = answer.ImageSize?.Height ?? 0,
                    ["width"] = answer.ImageSize?.Width ?? 0,
                },
            },
        },
        _ when type.IsMultiLabel() => new JsonObject
        {
            ["crowd-classifier-multi-select"] = new JsonObject { ["labels"] = new JsonArray([.. answer.Labels.Select(l => (JsonNode)JsonValue.Create(l))]) },
        },
        _ => new JsonObject { ["crowd-classifier"] = new JsonObject { ["label"] = answer.Labels[0] } },
    };
}
