using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>Reads Clarify's <c>analysis_config.json</c> into a <see cref="BiasConfig"/>, naming the field at fault.</summary>
public static class BiasConfigReader
{
    private static readonly string[] DatasetTypes = ["text/csv", "application/jsonlines", "application/x-parquet"];

    /// <summary>Parses the text of an <c>analysis_config.json</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file name used in messages.</param>
    /// <exception cref="BiasCheckException">The text is not JSON or a field is invalid.</exception>
    public static BiasConfig Parse(string json, string source = "analysis_config.json") => FromJson(ParseObject(json, source), source);

    /// <summary>Parses configuration text into a JSON object, without reading its fields.</summary>
    internal static JsonObject ParseObject(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new BiasCheckException(BiasErrors.InvalidConfig, $"{source}: not valid JSON (line {error.LineNumber + 1}): {error.Message}", error);
        }

        return node as JsonObject ?? throw Invalid(source, "", "the file must hold a JSON object");
    }

    /// <summary>Reads a configuration object (the same keys as <c>analysis_config.json</c>).</summary>
    /// <param name="config">The object.</param>
    /// <param name="source">The name used in messages.</param>
    /// <exception cref="BiasCheckException">A field is missing or invalid.</exception>
    public static BiasConfig FromJson(JsonObject config, string source = "analysis_config.json")
    {
        ArgumentNullException.ThrowIfNull(config);
        var datasetType = OptionalString(config, "dataset_type", source) ?? "text/csv";
        if (!DatasetTypes.Contains(datasetType, StringComparer.Ordinal))
        {
            throw Invalid(source, "dataset_type", $"'{datasetType}' is not supported; use one of {string.Join(", ", DatasetTypes)}");
        }

        var version = OptionalString(config, "version", source);
        if (version is not null && version != "1.0")
        {
            throw Invalid(source, "version", $"'{version}' is not supported; Clarify accepts only \"1.0\"");
        }

        IReadOnlyList<string>? headers = null;
        if (config["headers"] is JsonArray headerArray)
        {
            headers = [.. headerArray.Select((h, i) => h is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid(source, $"headers[{i}]", "each header must be a string"))];
        }
        else if (config["headers"] is not null)
        {
            throw Invalid(source, "headers", "must be an array of column names");
        }

        var label = ColumnRef(config["label"], source, "label") ?? throw Invalid(source, "label", "is required: the label column's name or 0-based index");
        var labelValues = Values(config["label_values_or_threshold"], source, "label_values_or_threshold");
        if (labelValues.Count == 0)
        {
            throw Invalid(source, "label_values_or_threshold", "is required for bias metrics: the positive label values, or one numeric threshold");
        }

        if (config["facet"] is not JsonArray facetArray || facetArray.Count == 0)
        {
            throw Invalid(source, "facet", "is required: an array of {\"name_or_index\": …, \"value_or_threshold\": […]}");
        }

        var facets = new List<BiasFacetConfig>();
        for (var i = 0; i < facetArray.Count; i++)
        {
            var field = $"facet[{i}]";
            if (facetArray[i] is not JsonObject facet)
            {
                throw Invalid(source, field, "must be an object with name_or_index");
            }

            var name = ColumnRef(facet["name_or_index"], source, field + ".name_or_index") ?? throw Invalid(source, field + ".name_or_index", "is required");
            facets.Add(new BiasFacetConfig(name, Values(facet["value_or_threshold"], source, field + ".value_or_threshold")));
        }

        return new BiasConfig
        {
            DatasetType = datasetType,
            Headers = headers,
            Label = label,
            LabelValuesOrThreshold = labelValues,
            Facets = facets,
            GroupVariable = ColumnRef(config["group_variable"], source, "group_variable"),
            Methods = Methods(config["methods"], source),
        };
    }

    /// <summary>Reads a metric list: <c>"all"</c> or an array of metric names.</summary>
    internal static IReadOnlyList<string> MethodList(JsonNode? node, string source, string field)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text == "all")
        {
            return BiasConfig.AllMethods;
        }

        if (node is not JsonArray array)
        {
            throw Invalid(source, field, "must be \"all\" or an array of metric names (" + string.Join(", ", BiasConfig.AllMethods) + ")");
        }

        var names = new List<string>();
        foreach (var item in array)
        {
            var name = item is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
            if (!BiasConfig.AllMethods.Contains(name, StringComparer.Ordinal))
            {
                throw Invalid(source, field, $"'{item?.ToJsonString()}' is not a pre-training metric; use {string.Join(", ", BiasConfig.AllMethods)}");
            }

            names.Add(name);
        }

        return [.. BiasConfig.AllMethods.Where(names.Contains)];
    }

    /// <summary>Reads a column reference: a name or a non-negative integer index.</summary>
    internal static JsonNode? ColumnRef(JsonNode? node, string source, string field) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => JsonValue.Create(s),
        JsonValue v when v.TryGetValue<int>(out var i) && i >= 0 => JsonValue.Create(i),
        _ => throw Invalid(source, field, "must be a column name or a 0-based column index"),
    };

    /// <summary>Reads a list of values; a single scalar counts as a one-element list.</summary>
    internal static IReadOnlyList<JsonNode> Values(JsonNode? node, string source, string field) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select((v, i) => v is JsonValue ? v.DeepClone() : throw Invalid(source, $"{field}[{i}]", "must be a string, number or boolean"))],
        JsonValue v => [v.DeepClone()],
        _ => throw Invalid(source, field, "must be an array of values"),
    };

    private static IReadOnlyList<string> Methods(JsonNode? methods, string source)
    {
        if (methods is null)
        {
            return BiasConfig.AllMethods;
        }

        var pre = methods["pre_training_bias"];
        return pre is null ? BiasConfig.AllMethods : MethodList(pre["methods"] ?? JsonValue.Create("all"), source, "methods.pre_training_bias.methods");
    }

    private static string? OptionalString(JsonObject config, string field, string source) => config[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw Invalid(source, field, "must be a string"),
    };

    private static BiasCheckException Invalid(string source, string field, string problem) =>
        new(BiasErrors.InvalidConfig, field.Length == 0 ? $"{source}: {problem}." : $"{source}: {field} {problem}.");
}
