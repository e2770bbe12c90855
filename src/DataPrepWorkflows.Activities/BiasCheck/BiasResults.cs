namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>One metric of a facet report, as Clarify writes it.</summary>
/// <param name="Name">The metric's short name, for example <c>DPL</c>.</param>
/// <param name="Description">Clarify's description, for example <c>Class Imbalance (CI)</c>.</param>
/// <param name="Value">The value, or <see langword="null"/> when it could not be computed.</param>
/// <param name="Error">Why it could not be computed, or <see langword="null"/>.</param>
public sealed record BiasMetricResult(string Name, string Description, double? Value, string? Error);

/// <summary>The report of one sensitive group: the metrics and the group sizes behind them.</summary>
/// <param name="Facet">The facet column.</param>
/// <param name="ValueOrThreshold">The group as Clarify prints it: comma-joined values or an interval such as <c>(40, 95]</c>.</param>
/// <param name="Metrics">The metrics, in Clarify's order (sorted by name).</param>
/// <param name="FacetRows">Rows in the facet (<c>n_d</c>).</param>
/// <param name="OtherRows">Rows not in the facet (<c>n_a</c>).</param>
/// <param name="FacetPositive">Positive labels in the facet (<c>n_d(1)</c>).</param>
/// <param name="OtherPositive">Positive labels outside the facet (<c>n_a(1)</c>).</param>
public sealed record BiasFacetReport(
    string Facet,
    string ValueOrThreshold,
    IReadOnlyList<BiasMetricResult> Metrics,
    long FacetRows,
    long OtherRows,
    long FacetPositive,
    long OtherPositive);

/// <summary>The outcome of a pre-training bias analysis.</summary>
/// <param name="Label">The label column.</param>
/// <param name="LabelValueOrThreshold">The positive label values or interval, as Clarify prints them.</param>
/// <param name="Rows">Rows analysed.</param>
/// <param name="Facets">One report per sensitive group, in configuration order (one-versus-rest groups in order of first appearance).</param>
/// <param name="AnalysisJsonPath">The <c>analysis.json</c> written, or <see langword="null"/> when no output folder was given.</param>
/// <param name="ReportPath">The HTML report written, or <see langword="null"/>.</param>
public sealed record BiasAnalysisResult(
    string Label,
    string LabelValueOrThreshold,
    long Rows,
    IReadOnlyList<BiasFacetReport> Facets,
    string? AnalysisJsonPath,
    string? ReportPath);
