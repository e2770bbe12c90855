using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Row-level rules that test every value: ColumnValues (strings, numbers or dates), ColumnLength, ColumnDataType
/// and DataFreshness. Each is one predicate per row; its compliance (rows meeting it over rows looked at) comes
/// from the main scan, and the rule passes when every row meets it or, <c>with threshold</c>, when the compliance
/// meets the threshold.
/// </summary>
internal static class ValueRules
{
    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        var column = context.Column(rule.Parameters[0].Value).Name;
        var sql = DqSql.Identifier(column);
        var where = rule.WhereClause;
        return rule.RuleType switch
        {
            "ColumnValues" => ColumnValues(rule, context, column, where),
            "ColumnLength" => ColumnLength(rule, context, column, where),
            "ColumnDataType" => DataType(rule, context, column, sql, where),
            _ => Freshness(rule, context, column, where),
        };
    }

    private static CompiledRule ColumnValues(DqRule rule, RuleCompileContext context, string column, string? where)
    {
        var metric = RuleCompiler.MetricName([column], "ColumnValues.Compliance");
        Func<MetricValues, IEnumerable<(string, MetricKey)>>? extra = null;
        string predicate;
        switch (rule.Condition)
        {
            case NumberCondition number:
                // An integer column's extremes are the same read as DOUBLE before or after min/max (the cast keeps order).
                var integer = context.IntegerValueSql(column);
                var value = context.DoubleValueSql(column);
                predicate = (integer is null ? null : ConditionSql.Integer(number, integer, context.Functions(metric)))
                    ?? ConditionSql.Number(number, value, context.Functions(metric));
                var min = context.Plan.Aggregate($"min({integer ?? value}){DqSql.Filter(where)}");
                var max = context.Plan.Aggregate($"max({integer ?? value}){DqSql.Filter(where)}");
                extra = _ => [(RuleCompiler.MetricName([column], "Minimum"), min), (RuleCompiler.MetricName([column], "Maximum"), max)];
                break;
            case StringCondition text:
                predicate = ConditionSql.String(text, context.TextValueSql(column));
                break;
            case DateCondition date:
                predicate = ConditionSql.Date(date, context.TimestampValueSql(column), context.Judge.Now);
                break;
            default:
                throw new RuleEvaluationException("ColumnValues needs a string, number or date condition.");
        }

        return Compliance(rule, context, predicate, where, metric, extra);
    }

    private static CompiledRule ColumnLength(DqRule rule, RuleCompileContext context, string column, string? where)
    {
        if (rule.Condition is not NumberCondition number)
        {
            throw new RuleEvaluationException("ColumnLength needs a number condition, e.g. ColumnLength \"zip\" = 5.");
        }

        var length = $"length({context.TextValueSql(column)})";
        var metric = RuleCompiler.MetricName([column], "ColumnLength.Compliance");
        var predicate = ConditionSql.Integer(number, length, context.Functions(metric)) ?? ConditionSql.Number(number, length, context.Functions(metric));
        var min = context.Plan.Aggregate($"min({length}){DqSql.Filter(where)}");
        var max = context.Plan.Aggregate($"max({length}){DqSql.Filter(where)}");
        return Compliance(rule, context, predicate, where, metric,
            _ => [(RuleCompiler.MetricName([column], "MinimumLength"), min), (RuleCompiler.MetricName([column], "MaximumLength"), max)]);
    }

    private static CompiledRule Freshness(DqRule rule, RuleCompileContext context, string column, string? where)
    {
        if (rule.Condition is not DurationCondition duration)
        {
            throw new RuleEvaluationException("DataFreshness needs a duration condition, e.g. DataFreshness \"updated_at\" <= 24 hours.");
        }

        var age = $"(epoch({DqSql.Timestamp(context.Judge.Now)}) - epoch({context.TimestampValueSql(column)}))";
        var metric = RuleCompiler.MetricName([column], "DataFreshness.Compliance");
        return Compliance(rule, context, ConditionSql.Seconds(duration, age), where, metric, null);
    }

    private static CompiledRule DataType(DqRule rule, RuleCompileContext context, string column, string sql, string? where)
    {
        if (rule.Condition is not StringCondition { Operator: not (ConditionOperator.Matches or ConditionOperator.NotMatches) } types)
        {
            throw new RuleEvaluationException("ColumnDataType needs = \"TYPE\" or in [\"TYPE\",…] (e.g. ColumnDataType \"age\" = \"INTEGER\").");
        }

        var castable = string.Join(" OR ", types.Operands.Select(o => TypeTest(o, sql)));
        var positive = $"({castable})";
        var predicate = types.IsNegated ? $"(NOT {positive})" : positive;
        var metric = RuleCompiler.MetricName([column], "ColumnDataType.Compliance");
        var conforming = context.Plan.Aggregate(DqSql.CountIf($"{sql} IS NOT NULL AND {predicate}", where));
        var present = context.Plan.Aggregate(DqSql.CountPresent(sql, where));
        return new CompiledRule
        {
            Measure = values => Measurement.Of(metric, values.Number(present) is > 0 and var n ? (values.Number(conforming) ?? 0) / n : null),
            Judge = (m, j) => RuleCompiler.JudgeCompliance(rule, m, j),
            Row = RuleCompiler.RowLevel($"({sql} IS NULL OR {predicate})", where),
        };
    }

    private static string TypeTest(StringOperand operand, string sql)
    {
        var name = operand is QuotedStringOperand quoted ? quoted.Value : operand.ToString();
        var type = name.ToUpperInvariant() switch
        {
            "STRING" or "VARCHAR" => "VARCHAR",
            "INTEGER" or "INT" => "INTEGER",
            "LONG" or "BIGINT" => "BIGINT",
            "SHORT" or "SMALLINT" => "SMALLINT",
            "BYTE" or "TINYINT" => "TINYINT",
            "DOUBLE" or "FLOAT" => "DOUBLE",
            "DECIMAL" => "DECIMAL(38,10)",
            "BOOLEAN" => "BOOLEAN",
            "DATE" => "DATE",
            "TIMESTAMP" => "TIMESTAMP",
            _ => throw new RuleEvaluationException(
                $"ColumnDataType does not know the type \"{name}\"; use String, Integer, Long, Short, Byte, Double, Float, Decimal, Boolean, Date or Timestamp."),
        };
        return $"TRY_CAST(CAST({sql} AS VARCHAR) AS {type}) IS NOT NULL";
    }

    private static CompiledRule Compliance(
        DqRule rule, RuleCompileContext context, string predicate, string? where, string metric, Func<MetricValues, IEnumerable<(string, MetricKey)>>? extra) => new()
        {
            Measure = RuleCompiler.Compliance(context, predicate, where, metric, extra),
            Judge = (m, j) => RuleCompiler.JudgeCompliance(rule, m, j),
            Row = RuleCompiler.RowLevel(predicate, where),
        };
}
