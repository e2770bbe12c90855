namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>The outcome of one rule, as AWS Glue Data Quality reports it.</summary>
public enum DataQualityOutcome
{
    /// <summary>The data meets the rule.</summary>
    Passed,

    /// <summary>The data does not meet the rule.</summary>
    Failed,

    /// <summary>The rule could not be evaluated (unknown column, bad SQL, missing reference); the reason says why.</summary>
    Error,
}

/// <summary>
/// The result of one entry of the <c>Rules</c> section, shaped like an AWS Glue Data Quality rule result.
/// </summary>
/// <param name="Rule">The canonical DQDL text of the rule (Glue's identity for it).</param>
/// <param name="Outcome">Passed, Failed or Error.</param>
/// <param name="FailureReason">Why the rule failed or could not be evaluated; <see langword="null"/> when it passed.</param>
/// <param name="EvaluatedMetrics">The metrics the rule computed, by Glue's names, e.g. <c>Column.age.Completeness</c>.</param>
public sealed record DataQualityRuleResult(
    string Rule,
    DataQualityOutcome Outcome,
    string? FailureReason,
    IReadOnlyDictionary<string, double> EvaluatedMetrics);

/// <summary>Where the row-level outputs went and how many rows each holds.</summary>
/// <param name="PassingPath">The file of rows that met every row-level rule, when asked for.</param>
/// <param name="FailingPath">The file of rows that failed at least one row-level rule, when asked for.</param>
/// <param name="PassingRows">Rows that met every row-level rule.</param>
/// <param name="FailingRows">Rows that failed at least one row-level rule.</param>
public sealed record DataQualityRowOutputs(string? PassingPath, string? FailingPath, long PassingRows, long FailingRows);

/// <summary>The result of evaluating a ruleset against a dataset.</summary>
/// <param name="DatasetName">The name metric history is kept under.</param>
/// <param name="EvaluatedAt">When the evaluation ran (what <c>now()</c> stood for).</param>
/// <param name="Results">One result per entry of the <c>Rules</c> section, in order.</param>
/// <param name="AnalyzerMetrics">The metrics computed by the <c>Analyzers</c> section.</param>
/// <param name="RowOutputs">The row-level outputs, when the ruleset has row-level rules.</param>
public sealed record DataQualityReport(
    string DatasetName,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<DataQualityRuleResult> Results,
    IReadOnlyDictionary<string, double> AnalyzerMetrics,
    DataQualityRowOutputs? RowOutputs)
{
    /// <summary>Rules that passed.</summary>
    public int Passed => Results.Count(r => r.Outcome == DataQualityOutcome.Passed);

    /// <summary>Rules that failed.</summary>
    public int Failed => Results.Count(r => r.Outcome == DataQualityOutcome.Failed);

    /// <summary>Rules that could not be evaluated.</summary>
    public int Errors => Results.Count(r => r.Outcome == DataQualityOutcome.Error);

    /// <summary>Passed rules over all rules (Glue's score); 1 for a ruleset without rules.</summary>
    public double Score => Results.Count == 0 ? 1.0 : (double)Passed / Results.Count;

    /// <summary>Whether every rule passed.</summary>
    public bool AllPassed => Passed == Results.Count;
}
