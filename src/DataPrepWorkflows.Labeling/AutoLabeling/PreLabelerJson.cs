using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.AutoLabeling;

/// <summary>
/// Builds a built-in pre-labeler from its JSON settings:
/// <c>{"predictions": {"labelKey": "predicted", "confidenceKey": "score"}}</c> or
/// <c>{"rules": [{"label": "housing", "pattern": "home|house", "confidence": 0.95}, {"label": "auto", "keywords": ["car", "vehicle"]}], "textKey": "source"}</c>.
/// </summary>
public static class PreLabelerJson
{
    /// <summary>The pre-labeler, or <c>null</c> when <paramref name="settings"/> is null.</summary>
    /// <exception cref="LabelingException">The settings are malformed; the diagnostic names the field under <paramref name="field"/>.</exception>
    public static IPreLabeler? Parse(JsonNode? settings, string field)
    {
        if (settings is null)
        {
            return null;
        }

        if (settings is not JsonObject obj)
        {
            throw Invalid(field, "must be an object: {\"predictions\": {\"labelKey\": …, \"confidenceKey\": …}} or {\"rules\": [{\"label\": …, \"pattern\": …}]}.");
        }

        if (obj["predictions"] is JsonObject predictions)
        {
            var labelKey = Text(predictions["labelKey"]) ?? throw Invalid(field + ".predictions.labelKey", "is required: the manifest key holding the predicted label.");
            return new PredictionPreLabeler(labelKey, Text(predictions["confidenceKey"]));
        }

        if (obj["rules"] is JsonArray rules)
        {
            var parsed = new List<LabelRule>();
            for (var i = 0; i < rules.Count; i++)
            {
                parsed.Add(Rule(rules[i], $"{field}.rules[{i}]"));
            }

            return new RulePreLabeler(parsed, Text(obj["textKey"]) ?? "source", field + ".rules");
        }

        throw Invalid(field, "needs \"predictions\" (an object) or \"rules\" (an array).");
    }

    private static LabelRule Rule(JsonNode? node, string field)
    {
        if (node is not JsonObject rule)
        {
            throw Invalid(field, "must be {\"label\": …, \"pattern\": …} or {\"label\": …, \"keywords\": […]}.");
        }

        var label = Text(rule["label"]) ?? throw Invalid(field + ".label", "is required.");
        var confidence = 1.0;
        if (rule["confidence"] is JsonValue c && !(c.GetValueKind() == JsonValueKind.Number && c.TryGetValue(out confidence)))
        {
            throw Invalid(field + ".confidence", "must be a number between 0 and 1.");
        }

        if (Text(rule["pattern"]) is { } pattern)
        {
            return new LabelRule(label, pattern, confidence);
        }

        if (rule["keywords"] is JsonArray keywords && keywords.Count > 0)
        {
            return LabelRule.FromKeywords(label, keywords.Select(k => Text(k) ?? throw Invalid(field + ".keywords", "must be an array of strings.")), confidence);
        }

        throw Invalid(field, "needs \"pattern\" (a regular expression) or \"keywords\" (an array of words).");
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static LabelingException Invalid(string field, string message) => new(LabelingErrorCodes.InvalidAutoLabeling, field, message);
}
