using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Web.Api;

/// <summary>Reads an answer body: <c>{"labels": […]}</c> or <c>{"boxes": [{"label", "left", "top", "width", "height"}], "imageSize": {"width", "height"}}</c>.</summary>
internal static class AnswerJson
{
    public static LabelAnswer Read(JsonObject body)
    {
        var labels = body["labels"] is JsonArray array ? array.Select(n => Text(n, "labels")).ToList() : [];
        List<BoundingBox>? boxes = null;
        if (body["boxes"] is JsonArray drawn)
        {
            boxes = [.. drawn.Select(b => b is JsonObject box
                ? new BoundingBox(Text(box["label"], "boxes.label"), Number(box["left"], "boxes.left"), Number(box["top"], "boxes.top"), Number(box["width"], "boxes.width"), Number(box["height"], "boxes.height"))
                : throw Invalid("boxes", "each box must be {\"label\", \"left\", \"top\", \"width\", \"height\"}."))];
        }

        ImageSize? size = body["imageSize"] is JsonObject s
            ? new ImageSize((int)Number(s["width"], "imageSize.width"), (int)Number(s["height"], "imageSize.height"), s["depth"] is null ? 3 : (int)Number(s["depth"], "imageSize.depth"))
            : null;
        return new LabelAnswer(labels, boxes, size);
    }

    private static string Text(JsonNode? node, string field) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid(field, "must be a string.");

    private static double Number(JsonNode? node, string field) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : throw Invalid(field, "must be a number.");

    private static LabelingException Invalid(string field, string message) => new(LabelingErrorCodes.InvalidAnswer, "answer." + field, message);
}
