using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>
/// Ground Truth's label category configuration file (<c>LabelCategoryConfigS3Uri</c>):
/// <c>{"document-version": "2018-11-28", "labels": [{"label": "positive"}, {"label": "negative"}]}</c>. A label's
/// class id is its position in <see cref="Labels"/>.
/// </summary>
/// <param name="Labels">The label categories, in file order.</param>
public sealed record LabelCategoryConfig(IReadOnlyList<string> Labels)
{
    /// <summary>The only document version Ground Truth accepts.</summary>
    public const string DocumentVersion = "2018-11-28";

    /// <summary>The class id of <paramref name="label"/> (ordinal match), or -1.</summary>
    public int ClassId(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The file's JSON.</summary>
    public JsonObject ToJson() => new()
    {
        ["document-version"] = DocumentVersion,
        ["labels"] = new JsonArray([.. Labels.Select(l => (JsonNode)new JsonObject { ["label"] = l })]),
    };

    /// <summary>Reads the file's text; <paramref name="source"/> names it in diagnostics.</summary>
    /// <exception cref="LabelingException">The text is not a valid label category configuration.</exception>
    public static LabelCategoryConfig Parse(string text, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"is not valid JSON ({e.Message}); write {{\"document-version\": \"{DocumentVersion}\", \"labels\": [{{\"label\": \"...\"}}]}}.");
        }

        return FromJson(node, source);
    }

    /// <summary>Reads the configuration from JSON: the file's object, or a plain array of label names.</summary>
    /// <exception cref="LabelingException">The JSON is not a valid label category configuration.</exception>
    public static LabelCategoryConfig FromJson(JsonNode? node, string source)
    {
        if (node is JsonArray plain)
        {
            return new LabelCategoryConfig(ReadLabels(plain, source, plainNames: true));
        }

        if (node is not JsonObject file)
        {
            throw Invalid(source, $"must be an object {{\"document-version\": \"{DocumentVersion}\", \"labels\": [...]}} or an array of label names.");
        }

        var version = file["document-version"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (version != DocumentVersion)
        {
            throw Invalid(source + ".document-version", $"must be \"{DocumentVersion}\" (found {file["document-version"]?.ToJsonString() ?? "nothing"}).");
        }

        if (file["labels"] is not JsonArray labels)
        {
            throw Invalid(source + ".labels", "must be an array of {\"label\": \"...\"} objects.");
        }

        return new LabelCategoryConfig(ReadLabels(labels, source + ".labels", plainNames: false));
    }

    private static List<string> ReadLabels(JsonArray labels, string source, bool plainNames)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var item = plainNames ? labels[i] : (labels[i] as JsonObject)?["label"];
            if (item is not JsonValue value || !value.TryGetValue<string>(out var name) || string.IsNullOrWhiteSpace(name))
            {
                throw Invalid($"{source}[{i}]", plainNames ? "must be a non-empty label name." : "must be {\"label\": \"<non-empty name>\"}.");
            }

            if (name.Length > 256)
            {
                throw Invalid($"{source}[{i}]", $"label '{name[..20]}…' is {name.Length} characters; Ground Truth allows at most 256.");
            }

            if (!seen.Add(name))
            {
                throw Invalid($"{source}[{i}]", $"label '{name}' is listed twice; each label category must be unique.");
            }

            names.Add(name);
        }

        return names;
    }

    private static LabelingException Invalid(string field, string message) =>
        new(LabelingErrorCodes.InvalidLabelCategoryConfig, field, message);
}
