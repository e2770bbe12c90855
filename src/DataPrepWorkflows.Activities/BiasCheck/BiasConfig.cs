using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// The pre-training bias settings of a SageMaker Clarify <c>analysis_config.json</c>: which column is the label and
/// which values (or threshold) are positive, the facets to examine, an optional group variable for CDDL, and the
/// metrics to compute.
/// </summary>
public sealed record BiasConfig
{
    /// <summary>Every pre-training metric, in the order Clarify runs them (sorted by name).</summary>
    public static IReadOnlyList<string> AllMethods { get; } = ["CDDL", "CI", "DPL", "JS", "KL", "KS", "LP", "TVD"];

    /// <summary>The dataset's MIME type: <c>text/csv</c>, <c>application/jsonlines</c> or <c>application/x-parquet</c>.</summary>
    public string DatasetType { get; init; } = "text/csv";

    /// <summary>Column names for a CSV without a header row; <see langword="null"/> when the file has a header.</summary>
    public IReadOnlyList<string>? Headers { get; init; }

    /// <summary>The label column: a name, or a 0-based index as JSON number.</summary>
    public JsonNode Label { get; init; } = JsonValue.Create("label");

    /// <summary>The positive label values, or one numeric threshold (positive means strictly greater).</summary>
    public IReadOnlyList<JsonNode> LabelValuesOrThreshold { get; init; } = [];

    /// <summary>The facets (sensitive columns) to examine.</summary>
    public IReadOnlyList<BiasFacetConfig> Facets { get; init; } = [];

    /// <summary>The group variable for CDDL (name or 0-based index), or <see langword="null"/>.</summary>
    public JsonNode? GroupVariable { get; init; }

    /// <summary>The metrics to compute, a subset of <see cref="AllMethods"/>.</summary>
    public IReadOnlyList<string> Methods { get; init; } = AllMethods;
}

/// <summary>One entry of <c>facet</c>: a column and the values (or threshold) that select the sensitive group.</summary>
/// <param name="NameOrIndex">The column: a name, or a 0-based index as JSON number.</param>
/// <param name="ValueOrThreshold">
/// Values selecting the group, or one numeric threshold for a continuous column; empty for one-versus-rest reports on
/// every value of a categorical column.
/// </param>
public sealed record BiasFacetConfig(JsonNode NameOrIndex, IReadOnlyList<JsonNode> ValueOrThreshold);
