using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Rules over value frequencies, computed as Deequ does for Glue from one GROUP BY per column set and
/// <c>where</c> clause (rows whose target columns are all NULL are left out): Uniqueness (values seen once over
/// rows), DistinctValuesCount, UniqueValueRatio (values seen once over distinct values), Entropy (natural log),
/// IsUnique and IsPrimaryKey.
/// </summary>
internal static class FrequencyRules
{
    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        var columns = context.Columns(rule);
        var where = rule.WhereClause;
        var list = string.Join(", ", columns.Select(DqSql.Identifier));
        var anyPresent = string.Join(" OR ", columns.Select(c => $"{DqSql.Identifier(c)} IS NOT NULL"));
        var frequencies = context.Plan.Query(
            "SELECT CAST(count(*) FILTER (WHERE n = 1) AS DOUBLE), CAST(count(*) AS DOUBLE), CAST(sum(n * ln(n)) AS DOUBLE), CAST(sum(n) AS DOUBLE) " +
            $"FROM (SELECT count(*) AS n FROM {DqSql.Primary} WHERE ({anyPresent}) AND {DqSql.Where(where)} GROUP BY {list})");

        Func<MetricValues, Measurement> measure = rule.RuleType switch
        {
            "DistinctValuesCount" => values => Measurement.Of(RuleCompiler.MetricName(columns, "DistinctValuesCount"), Read(values, frequencies).Distinct),
            "UniqueValueRatio" => values => Measurement.Of(RuleCompiler.MetricName(columns, "UniqueValueRatio"), Read(values, frequencies).UniqueValueRatio),
            "Entropy" => values => Measurement.Of(RuleCompiler.MetricName(columns, "Entropy"), Read(values, frequencies).Entropy),
            _ => values => Measurement.Of(RuleCompiler.MetricName(columns, "Uniqueness"), Read(values, frequencies).Uniqueness),
        };

        var alias = context.NextWindowAlias();
        var window = new RowWindow($"count(*){DqSql.Filter(where)} OVER (PARTITION BY {list})", alias);
        var allNull = string.Join(" AND ", columns.Select(c => $"{DqSql.Identifier(c)} IS NULL"));
        var uniqueRow = $"(({allNull}) OR {DqSql.Identifier(alias)} = 1)";

        switch (rule.RuleType)
        {
            case "IsUnique":
                return new CompiledRule
                {
                    Measure = measure,
                    Judge = (m, _) => LeafResult.Check(m.Value is null or 1.0, m, LeafResult.ConstraintReason(m.Value)),
                    Row = RuleCompiler.RowLevel(uniqueRow, where, window),
                };
            case "IsPrimaryKey":
                var rows = context.RowCount(where);
                var present = columns.Select(c => (c, context.Plan.Aggregate(DqSql.CountPresent(DqSql.Identifier(c), where)))).ToList();
                return new CompiledRule
                {
                    Measure = values => PrimaryKey(values, measure(values), rows, present),
                    Judge = (m, _) => LeafResult.Check(m.Metrics.Values.All(v => v == 1.0), m,
                        $"Value: {string.Join(", ", m.Metrics.Where(p => p.Value != 1.0).Select(p => $"{p.Key} = {DqSql.Show(p.Value)}"))} does not meet the constraint requirement!"),
                    Row = RuleCompiler.RowLevel(
                        $"(({string.Join(" AND ", columns.Select(c => $"{DqSql.Identifier(c)} IS NOT NULL"))}) AND {DqSql.Identifier(alias)} = 1)", where, window),
                };
            default:
                return new CompiledRule
                {
                    Measure = measure,
                    Judge = (m, j) => RuleCompiler.JudgeNumber(rule, m, j),
                    Row = rule.RuleType == "Uniqueness" ? RuleCompiler.RowLevel(uniqueRow, where, window) : null,
                };
        }
    }

    private static Measurement PrimaryKey(MetricValues values, Measurement uniqueness, MetricKey rows, List<(string Column, MetricKey Key)> present)
    {
        var metrics = new Dictionary<string, double>(uniqueness.Metrics, StringComparer.Ordinal);
        var total = values.Number(rows) ?? 0;
        foreach (var (column, key) in present)
        {
            metrics[RuleCompiler.MetricName([column], "Completeness")] = total == 0 ? 1.0 : (values.Number(key) ?? 0) / total;
        }

        return new Measurement(metrics, uniqueness.PrimaryMetric, uniqueness.Value);
    }

    private static Frequencies Read(MetricValues values, MetricKey key)
    {
        var row = values.Row(key);
        var singles = DqSql.ToDouble(row[0]) ?? 0;
        var distinct = DqSql.ToDouble(row[1]) ?? 0;
        var nLogN = DqSql.ToDouble(row[2]) ?? 0;
        var rows = DqSql.ToDouble(row[3]) ?? 0;
        return new Frequencies(
            distinct,
            rows == 0 ? null : singles / rows,
            distinct == 0 ? null : singles / distinct,
            rows == 0 ? null : Math.Log(rows) - (nLogN / rows));
    }

    private sealed record Frequencies(double Distinct, double? Uniqueness, double? UniqueValueRatio, double? Entropy);
}
