using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.AutoLabeling;

/// <summary>
/// Reads a prediction already on each manifest line: <paramref name="labelKey"/> holds the label (a string, an array of
/// strings for multi-label tasks, or an object <c>{"label": …, "confidence": 0.93}</c>) and
/// <paramref name="confidenceKey"/> its confidence. Lines without a prediction, with a label outside the job's labels
/// or without a confidence get no proposal.
/// </summary>
/// <param name="labelKey">The key holding the predicted label.</param>
/// <param name="confidenceKey">The key holding the confidence (0–1); <c>null</c> when it sits inside the label object.</param>
public sealed class PredictionPreLabeler(string labelKey, string? confidenceKey) : IPreLabeler
{
    /// <inheritdoc />
    public ValueTask<PreLabel?> PreLabelAsync(DataObject item, LabelingJobDefinition job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(job);
        var prediction = item.Line[labelKey];
        var confidence = confidenceKey is null ? null : item.Line[confidenceKey];
        if (prediction is JsonObject inner)
        {
            confidence ??= inner["confidence"];
            prediction = inner["labels"] ?? inner["label"];
        }

        var labels = Labels(prediction);
        if (labels is null || labels.Count == 0 || !TryNumber(confidence, out var score)
            || labels.Any(l => job.Categories.ClassId(l) < 0)
            || (!job.TaskType.IsMultiLabel() && labels.Count != 1))
        {
            return ValueTask.FromResult<PreLabel?>(null);
        }

        return ValueTask.FromResult<PreLabel?>(new PreLabel(labels, score));
    }

    private static List<string>? Labels(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => [value.ToJsonString()],
        _ => null,
    };

    private static bool TryNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        return v.GetValueKind() == JsonValueKind.Number ? v.TryGetValue(out value)
            : v.TryGetValue<string>(out var text) && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
