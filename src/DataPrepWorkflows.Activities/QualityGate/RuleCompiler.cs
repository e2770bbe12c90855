using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Turns each DQDL rule into the metrics it needs (added to the shared <see cref="MetricPlan"/>), a judge that
/// applies its condition with Glue's semantics, and, for row-level rule types, a per-row predicate.
/// </summary>
internal static class RuleCompiler
{
    public static CompiledRule Compile(DqRule rule, RuleCompileContext context) => rule.RuleType switch
    {
        "RowCount" or "ColumnCount" or "ColumnExists" or "ColumnNamesMatchPattern" => DatasetRules.Compile(rule, context),
        "Completeness" or "IsComplete" or "Mean" or "Sum" or "StandardDeviation" or "Variance" or "ColumnCorrelation" =>
            StatisticRules.Compile(rule, context),
        "Uniqueness" or "IsUnique" or "IsPrimaryKey" or "DistinctValuesCount" or "UniqueValueRatio" or "Entropy" =>
            FrequencyRules.Compile(rule, context),
        "ColumnValues" or "ColumnLength" or "ColumnDataType" or "DataFreshness" => ValueRules.Compile(rule, context),
        "CustomSql" => CustomSqlRule.Compile(rule, context),
        "ReferentialIntegrity" or "DatasetMatch" or "RowCountMatch" or "SchemaMatch" or "AggregateMatch" =>
            ReferenceRules.Compile(rule, context),
        "DetectAnomalies" => AnomalyRule.Compile(rule, context),
        "FileMatch" or "FileUniqueness" or "FileFreshness" or "FileSize" => FileRules.Compile(rule, context),
        _ => throw new RuleEvaluationException(
            $"Rule type '{rule.RuleType}' has no local evaluator; it is in the rule-type catalog but this version cannot evaluate it."),
    };

    /// <summary>The metric name Glue uses for a column (<c>Column.age.X</c>) or several (<c>Multicolumn.a,b.X</c>).</summary>
    public static string MetricName(IReadOnlyList<string> columns, string metric) =>
        columns.Count == 1 ? $"Column.{columns[0]}.{metric}" : $"Multicolumn.{string.Join(",", columns)}.{metric}";

    /// <summary>Applies the rule's number condition to the measured value (dynamic functions over its history).</summary>
    public static LeafResult JudgeNumber(DqRule rule, Measurement measurement, JudgeContext context)
    {
        if (rule.Condition is not NumberCondition condition)
        {
            throw new RuleEvaluationException($"{rule.RuleType} needs a number condition, e.g. {rule.RuleType} … > 0.9.");
        }

        var passed = condition.Matches(measurement.Value, context.Functions(measurement.PrimaryMetric));
        return LeafResult.Check(passed, measurement, LeafResult.ConstraintReason(measurement.Value));
    }

    /// <summary>
    /// Judges a row-level rule from its compliance (the fraction of rows meeting it): the threshold when given,
    /// otherwise every row must meet it. A rule over no rows passes, as no row breaks it.
    /// </summary>
    public static LeafResult JudgeCompliance(DqRule rule, Measurement measurement, JudgeContext context)
    {
        if (rule.Threshold is { } threshold)
        {
            var met = threshold.Matches(measurement.Value, context.Functions(measurement.PrimaryMetric));
            return LeafResult.Check(met, measurement, LeafResult.ConstraintReason(measurement.Value));
        }

        return LeafResult.Check(measurement.Value is null or 1.0, measurement, LeafResult.ConstraintReason(measurement.Value));
    }

    /// <summary>The compliance measurement of a row-level predicate: rows meeting it over rows the rule looks at.</summary>
    public static Func<MetricValues, Measurement> Compliance(
        RuleCompileContext context, string predicate, string? where, string metric, Func<MetricValues, IEnumerable<(string, MetricKey)>>? extra = null)
    {
        var passing = context.Plan.Aggregate(DqSql.CountIf(predicate, where));
        var total = context.RowCount(where);
        return values =>
        {
            var rows = values.Number(total) ?? 0;
            double? compliance = rows == 0 ? null : (values.Number(passing) ?? 0) / rows;
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            if (compliance is { } c)
            {
                metrics[metric] = c;
            }

            foreach (var (name, key) in extra?.Invoke(values) ?? [])
            {
                if (values.Number(key) is { } v)
                {
                    metrics[name] = v;
                }
            }

            return new Measurement(metrics, metric, compliance);
        };
    }

    /// <summary>Rows outside a rule's <c>where</c> clause are not its business, so they meet it at row level.</summary>
    public static RowCheck RowLevel(string predicate, string? where, params RowWindow[] windows) =>
        new(where is null ? predicate : $"((NOT {DqSql.Where(where)}) OR {predicate})", windows);
}
