using System.Text.RegularExpressions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>Rules on the dataset as a whole: RowCount, ColumnCount, ColumnExists, ColumnNamesMatchPattern.</summary>
internal static class DatasetRules
{
    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        switch (rule.RuleType)
        {
            case "RowCount":
                var rows = context.RowCount(rule.WhereClause);
                return Number(rule, values => Measurement.Of("Dataset.*.RowCount", values.Number(rows)));
            case "ColumnCount":
                var count = context.Schema.Columns.Count;
                return Number(rule, _ => Measurement.Of("Dataset.*.ColumnCount", count));
            case "ColumnExists":
                var name = rule.Parameters[0].Value;
                var exists = context.Schema.Find(name) is not null;
                return new CompiledRule
                {
                    Measure = _ => new Measurement(new Dictionary<string, double>(), null, exists ? 1 : 0),
                    Judge = (m, _) => LeafResult.Check(exists, m, $"Column {name} does not exist."),
                };
            default:
                return NamesMatch(rule, context);
        }
    }

    private static CompiledRule Number(DqRule rule, Func<MetricValues, Measurement> measure) => new()
    {
        Measure = measure,
        Judge = (m, j) => RuleCompiler.JudgeNumber(rule, m, j),
    };

    private static CompiledRule NamesMatch(DqRule rule, RuleCompileContext context)
    {
        var pattern = rule.Parameters[0].Value;
        Regex regex;
        try
        {
            regex = new Regex($"\\A(?:{pattern})\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException error)
        {
            throw new RuleEvaluationException($"'{pattern}' is not a valid regular expression: {error.Message}");
        }

        var misfits = context.Schema.Columns.Select(c => c.Name).Where(n => !regex.IsMatch(n)).ToList();
        return new CompiledRule
        {
            Measure = _ => new Measurement(new Dictionary<string, double>(), null, misfits.Count, misfits),
            Judge = (m, _) => LeafResult.Check(misfits.Count == 0, m,
                $"Columns that do not match the pattern: {string.Join(", ", misfits)}"),
        };
    }
}
