using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// <c>CustomSql</c>, run against the dataset as table <c>primary</c>. With a number condition the statement must
/// return one number (<c>Dataset.*.CustomSQL</c>). Without one it is the row-level form: the statement selects the
/// rows that pass (one column of <c>primary</c>), the compliance is their share of all rows and must be 1, or
/// meet <c>with threshold</c>.
/// </summary>
internal static class CustomSqlRule
{
    public const string Metric = "Dataset.*.CustomSQL";

    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        var statement = CustomSqlText.Prepare(rule.Parameters[0].Value);
        if (rule.Condition is NumberCondition)
        {
            var key = context.Plan.Query(statement);
            return new CompiledRule
            {
                Measure = values => Measurement.Of(Metric, Scalar(values, key)),
                Judge = (m, j) => RuleCompiler.JudgeNumber(rule, m, j),
            };
        }

        var selected = context.Plan.Query($"SELECT CAST(count(*) AS DOUBLE) FROM ({statement})");
        var rows = context.RowCount(null);
        RowCheck? row = null;
        if (context.StatementColumns.TryGetValue(statement, out var columns) && columns.Count > 0 && context.Schema.Find(columns[0]) is { } column)
        {
            var name = DqSql.Identifier(column.Name);
            row = new RowCheck($"coalesce({name} IN (SELECT {DqSql.Identifier(columns[0])} FROM ({statement})), false)", []);
        }

        const string compliance = Metric + ".Compliance";
        return new CompiledRule
        {
            Measure = values => Measurement.Of(compliance, values.Number(rows) is > 0 and var n ? (values.Number(selected) ?? 0) / n : null),
            Judge = (m, j) => RuleCompiler.JudgeCompliance(rule, m, j),
            Row = row,
        };
    }

    private static double? Scalar(MetricValues values, MetricKey key)
    {
        var outcome = values.Outcome(key);
        if (outcome.Error is { } error)
        {
            throw new RuleEvaluationException($"The CustomSql statement failed: {error}");
        }

        if (outcome.RowCount != 1 || outcome.Columns.Count != 1)
        {
            throw new RuleEvaluationException(
                $"CustomSql with a number condition must return one number; the statement returned {outcome.RowCount} row(s) of {outcome.Columns.Count} column(s).");
        }

        return DqSql.ToDouble(outcome.Row![0]) is { } value
            ? value
            : outcome.Row[0] is null ? null : throw new RuleEvaluationException("CustomSql must return a number.");
    }
}
