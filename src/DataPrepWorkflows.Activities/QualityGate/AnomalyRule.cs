using DataPrepWorkflows.Dqdl.Catalog;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// <c>DetectAnomalies of RowCount</c>, <c>DetectAnomalies of Completeness of "colA"</c>: computes the watched
/// metric and compares it with the dataset's history. Glue trains a model on the history; locally the expected
/// range is the history's mean ± 3 population standard deviations (exactly the mean when the history never
/// varied), and at least <see cref="MinimumHistory"/> earlier runs are needed before a value can be an anomaly.
/// </summary>
internal static class AnomalyRule
{
    public const int MinimumHistory = 3;
    private const double Deviations = 3.0;

    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        var watched = Watched(rule);
        var inner = RuleCompiler.Compile(watched, context);
        return new CompiledRule
        {
            Measure = inner.Measure,
            Judge = (m, j) => Judge(m, j, watched.RuleType),
        };
    }

    /// <summary>The rule whose metric is watched, built from the parameters after <c>of</c>.</summary>
    public static DqRule Watched(DqRule rule)
    {
        var parameters = rule.ParameterValues("MetricParameter");
        var type = parameters[0];
        if (type is "ColumnValues" or "ColumnLength")
        {
            throw new RuleEvaluationException($"DetectAnomalies of {type} is not evaluated locally; watch Mean, Completeness or another single-number metric of the column instead.");
        }

        var descriptor = RuleTypeCatalog.Default.Resolve(type, parameters.Count - 1)
            ?? throw new RuleEvaluationException($"DetectAnomalies cannot watch '{type}' with {parameters.Count - 1} parameter(s).");
        var watchedParameters = parameters.Skip(1)
            .Select((value, i) => new DqRuleParameter(descriptor.ParameterAt(i).Name, value, true, null, null, rule.Position))
            .ToList();
        NumberCondition? anyNumber = descriptor.IsBooleanOnly ? null : new(ConditionOperator.NotEqual, [new NullNumberOperand()]);
        return new DqRule(type, descriptor, watchedParameters, anyNumber, null, [], [], rule.Position);
    }

    private static LeafResult Judge(Measurement measurement, JudgeContext context, string type)
    {
        if (measurement.PrimaryMetric is not { } metric || measurement.Value is not { } value)
        {
            throw new RuleEvaluationException($"DetectAnomalies: {type} gave no value to compare with its history.");
        }

        var history = context.History.Values(metric);
        if (history.Count < MinimumHistory)
        {
            return LeafResult.Pass(measurement);
        }

        var mean = history.Average();
        var deviation = Math.Sqrt(history.Sum(v => (v - mean) * (v - mean)) / history.Count);
        var (low, high) = (mean - (Deviations * deviation), mean + (Deviations * deviation));
        var normal = deviation == 0 ? value == mean : value >= low && value <= high;
        return LeafResult.Check(normal, measurement,
            $"Anomaly detected: {metric} is {DqSql.Show(value)}, outside the expected range [{DqSql.Show(low)}, {DqSql.Show(high)}] from {history.Count} earlier runs.");
    }
}
