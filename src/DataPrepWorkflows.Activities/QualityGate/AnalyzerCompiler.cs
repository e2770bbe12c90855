using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// The <c>Analyzers</c> section: metrics without a pass/fail judgement, computed in the same scan as the rules and
/// kept in the history. <c>AllStatistics "col"</c> gathers the column's profile metrics; any other analyzer
/// computes what the rule type of the same name measures.
/// </summary>
internal static class AnalyzerCompiler
{
    public static IReadOnlyList<Func<MetricValues, Measurement>> Compile(DqAnalyzer analyzer, RuleCompileContext context)
    {
        if (analyzer.AnalyzerType == "AllStatistics")
        {
            var column = context.Column(analyzer.Parameters[0].Value);
            var numeric = IsNumeric(context, column.Name);
            string[] types = numeric
                ? ["Completeness", "Uniqueness", "DistinctValuesCount", "UniqueValueRatio", "Entropy", "Mean", "Sum", "StandardDeviation", "Variance"]
                : ["Completeness", "Uniqueness", "DistinctValuesCount", "UniqueValueRatio", "Entropy"];
            var measures = types.Select(t => Measure(t, [column.Name], context)).ToList();
            if (numeric)
            {
                var sql = DqSql.Identifier(column.Name);
                var min = context.Plan.Aggregate($"min({sql})");
                var max = context.Plan.Aggregate($"max({sql})");
                measures.Add(values => Measurement.Of(RuleCompiler.MetricName([column.Name], "Minimum"), values.Number(min)));
                measures.Add(values => Measurement.Of(RuleCompiler.MetricName([column.Name], "Maximum"), values.Number(max)));
            }

            return measures;
        }

        return [Measure(analyzer.AnalyzerType, [.. analyzer.Parameters.Select(p => p.Value)], context)];
    }

    private static Func<MetricValues, Measurement> Measure(string type, IReadOnlyList<string> parameters, RuleCompileContext context)
    {
        var descriptor = Dqdl.Catalog.RuleTypeCatalog.Default.Resolve(type, parameters.Count)
            ?? throw new RuleEvaluationException($"'{type}' with {parameters.Count} parameter(s) is not an analyzer.");
        var position = Dqdl.SourcePosition.None;
        var rule = new DqRule(
            type,
            descriptor,
            [.. parameters.Select((value, i) => new DqRuleParameter(descriptor.ParameterAt(i).Name, value, true, null, null, position))],
            descriptor.IsBooleanOnly ? null : new Dqdl.Conditions.NumberCondition(Dqdl.Conditions.ConditionOperator.NotEqual, [new Dqdl.Conditions.NullNumberOperand()]),
            null,
            [],
            [],
            position);
        return RuleCompiler.Compile(rule, context).Measure;
    }

    private static bool IsNumeric(RuleCompileContext context, string column)
    {
        try
        {
            context.NumericColumnSql(column, "AllStatistics");
            return true;
        }
        catch (RuleEvaluationException)
        {
            return false;
        }
    }
}
