namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>How <see cref="DataQualityEvaluator"/> evaluates a ruleset.</summary>
public sealed record DataQualityOptions
{
    /// <summary>The name metric history is kept under; <see langword="null"/> takes the data file's name.</summary>
    public string? DatasetName { get; init; }

    /// <summary>The clock <c>now()</c> and the history's timestamps come from.</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where rows that meet every row-level rule are written (CSV, JSON or Parquet by extension).</summary>
    public string? PassingOutput { get; init; }

    /// <summary>
    /// Where rows that fail a row-level rule are written, with <c>DataQualityRulesPass</c>,
    /// <c>DataQualityRulesFail</c> and <c>DataQualityEvaluationResult</c> columns as Glue adds them.
    /// </summary>
    public string? FailingOutput { get; init; }

    /// <summary>Whether this run's metrics are appended to the dataset's history.</summary>
    /// <value><see langword="true"/>.</value>
    public bool RecordHistory { get; init; } = true;
}
