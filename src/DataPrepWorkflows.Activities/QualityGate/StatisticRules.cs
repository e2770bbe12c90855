using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Rules read from plain aggregates of the main scan: Completeness, IsComplete, Mean, Sum, StandardDeviation,
/// Variance (population, as Deequ computes them for Glue) and ColumnCorrelation (Pearson).
/// </summary>
internal static class StatisticRules
{
    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        var where = rule.WhereClause;
        var filter = DqSql.Filter(where);
        switch (rule.RuleType)
        {
            case "Completeness":
            case "IsComplete":
                var column = context.Column(rule.Parameters[0].Value).Name;
                var sql = DqSql.Identifier(column);
                var present = context.Plan.Aggregate(DqSql.CountPresent(sql, where));
                var rows = context.RowCount(where);
                var metric = RuleCompiler.MetricName([column], "Completeness");
                return new CompiledRule
                {
                    Measure = values => Measurement.Of(metric, values.Number(rows) is > 0 and var n ? values.Number(present) / n : null),
                    Judge = rule.RuleType == "IsComplete"
                        ? (m, _) => LeafResult.Check(m.Value is null or 1.0, m, LeafResult.ConstraintReason(m.Value))
                        : (m, j) => RuleCompiler.JudgeNumber(rule, m, j),
                    Row = RuleCompiler.RowLevel($"({sql} IS NOT NULL)", where),
                };
            case "ColumnCorrelation":
                var first = context.Column(rule.Parameters[0].Value).Name;
                var second = context.Column(rule.Parameters[1].Value).Name;
                var correlation = context.Plan.Aggregate(
                    $"corr({context.NumericColumnSql(first, rule.RuleType)}, {context.NumericColumnSql(second, rule.RuleType)}){filter}");
                var name = RuleCompiler.MetricName([first, second], "ColumnCorrelation");
                return Number(rule, values => Measurement.Of(name, values.Number(correlation)));
            default:
                var target = context.Column(rule.Parameters[0].Value).Name;
                var value = context.NumericColumnSql(target, rule.RuleType);
                var function = rule.RuleType switch
                {
                    "Mean" => "avg",
                    "Sum" => "sum",
                    "StandardDeviation" => "stddev_pop",
                    _ => "var_pop",
                };
                var key = context.Plan.Aggregate($"{function}({value}){filter}");
                var statistic = RuleCompiler.MetricName([target], rule.RuleType);
                return Number(rule, values => Measurement.Of(statistic, values.Number(key)));
        }
    }

    private static CompiledRule Number(DqRule rule, Func<MetricValues, Measurement> measure) => new()
    {
        Measure = measure,
        Judge = (m, j) => RuleCompiler.JudgeNumber(rule, m, j),
    };
}
