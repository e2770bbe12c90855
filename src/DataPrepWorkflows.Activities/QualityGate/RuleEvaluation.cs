using DataPrepWorkflows.Dqdl.Conditions;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>What a rule measured: Glue-named metrics, the metric its condition applies to, and that value.</summary>
/// <param name="Metrics">The metrics by Glue's names.</param>
/// <param name="PrimaryMetric">The metric the condition (and a dynamic rule's history) refers to.</param>
/// <param name="Value">The value the condition is applied to.</param>
/// <param name="Detail">Anything else the rule's judge needs (a hash, a list of failing names…).</param>
internal sealed record Measurement(
    IReadOnlyDictionary<string, double> Metrics,
    string? PrimaryMetric,
    double? Value,
    object? Detail = null)
{
    public static Measurement Of(string metric, double? value) =>
        new(value is { } v ? new Dictionary<string, double>(StringComparer.Ordinal) { [metric] = v } : new Dictionary<string, double>(), metric, value);
}

/// <summary>The outcome of one single rule.</summary>
internal sealed record LeafResult(DataQualityOutcome Outcome, string? FailureReason, IReadOnlyDictionary<string, double> Metrics)
{
    public static LeafResult Pass(Measurement m) => new(DataQualityOutcome.Passed, null, m.Metrics);

    public static LeafResult Fail(Measurement m, string reason) => new(DataQualityOutcome.Failed, reason, m.Metrics);

    public static LeafResult Error(string reason) => new(DataQualityOutcome.Error, reason, new Dictionary<string, double>());

    public static LeafResult Check(bool passed, Measurement m, string reason) => passed ? Pass(m) : Fail(m, reason);

    public static string ConstraintReason(double? value) => $"Value: {DqSql.Show(value)} does not meet the constraint requirement!";
}

/// <summary>The run-wide facts a judge needs: the time <c>now()</c> stands for and each metric's history.</summary>
internal sealed class JudgeContext(DateTimeOffset now, MetricHistory history)
{
    public DateTimeOffset Now { get; } = now;

    public MetricHistory History { get; } = history;

    /// <summary>Evaluates dynamic-rule functions (<c>avg(last(10))</c>) over <paramref name="metric"/>'s earlier values.</summary>
    public Func<FunctionCallOperand, double?> Functions(string? metric) =>
        new MetricHistoryFunctions(metric is null ? [] : History.Values(metric)).Evaluate;
}

/// <summary>A row-level check: a predicate that is TRUE for rows meeting the rule, and window columns it needs.</summary>
/// <param name="Predicate">The SQL predicate, never NULL.</param>
/// <param name="Windows">Window columns the predicate refers to by alias.</param>
internal sealed record RowCheck(string Predicate, IReadOnlyList<RowWindow> Windows);

/// <summary>A window column a row-level predicate needs, e.g. <c>count(*) OVER (PARTITION BY "id")</c>.</summary>
internal sealed record RowWindow(string Expression, string Alias);

/// <summary>A compiled rule: how to read its measurement from the computed metrics, how to judge it, its row-level form.</summary>
internal sealed class CompiledRule
{
    public required Func<MetricValues, Measurement> Measure { get; init; }

    public required Func<Measurement, JudgeContext, LeafResult> Judge { get; init; }

    public RowCheck? Row { get; init; }
}
