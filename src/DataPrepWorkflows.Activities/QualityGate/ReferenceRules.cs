using System.Text.RegularExpressions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Rules against additional data sources, each registered as a view named by its alias: ReferentialIntegrity,
/// DatasetMatch, RowCountMatch, SchemaMatch and AggregateMatch. Each is a ratio judged by its number condition.
/// </summary>
internal static partial class ReferenceRules
{
    public static CompiledRule Compile(DqRule rule, RuleCompileContext context)
    {
        var measure = rule.RuleType switch
        {
            "RowCountMatch" => RowCountMatch(rule, context),
            "SchemaMatch" => SchemaMatch(rule, context),
            "ReferentialIntegrity" => ReferentialIntegrity(rule, context),
            "DatasetMatch" => DatasetMatch(rule, context),
            _ => AggregateMatch(rule, context),
        };
        return new CompiledRule { Measure = measure, Judge = (m, j) => RuleCompiler.JudgeNumber(rule, m, j) };
    }

    private static Func<MetricValues, Measurement> RowCountMatch(DqRule rule, RuleCompileContext context)
    {
        var alias = rule.Parameters[0].Value;
        context.Reference(alias);
        var reference = context.Plan.Query($"SELECT CAST(count(*) AS DOUBLE) FROM {DqSql.Identifier(alias)}");
        var rows = context.RowCount(null);
        return values => Measurement.Of($"Dataset.{alias}.RowCountMatch", Ratio(values.Number(rows), values.Number(reference)));
    }

    private static Func<MetricValues, Measurement> SchemaMatch(DqRule rule, RuleCompileContext context)
    {
        var alias = rule.Parameters[0].Value;
        var reference = context.Reference(alias);
        var primary = context.Schema.Columns.ToDictionary(c => c.Name.ToUpperInvariant(), c => c.DuckDbType.ToSql(), StringComparer.Ordinal);
        var other = reference.Columns.ToDictionary(c => c.Name.ToUpperInvariant(), c => c.DuckDbType.ToSql(), StringComparer.Ordinal);
        var all = primary.Keys.Union(other.Keys, StringComparer.Ordinal).Count();
        var same = primary.Count(p => other.TryGetValue(p.Key, out var type) && type == p.Value);
        double ratio = all == 0 ? 1.0 : (double)same / all;
        return _ => Measurement.Of($"Dataset.{alias}.SchemaMatch", ratio);
    }

    private static Func<MetricValues, Measurement> ReferentialIntegrity(DqRule rule, RuleCompileContext context)
    {
        var primaryColumns = rule.Parameters[0].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => context.Column(c).Name).ToList();
        var match = ReferenceColumns().Match(rule.Parameters[1].Value.Trim());
        if (!match.Success)
        {
            throw new RuleEvaluationException(
                $"ReferentialIntegrity's second parameter '{rule.Parameters[1].Value}' must be \"reference.column\" or \"reference.{{col1,col2}}\".");
        }

        var alias = match.Groups["alias"].Value;
        var referenceSchema = context.Reference(alias);
        var referenceColumns = (match.Groups["list"].Success ? match.Groups["list"].Value : match.Groups["one"].Value)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => referenceSchema.Find(c)?.Name ?? throw new RuleEvaluationException($"Column '{c}' does not exist in the reference dataset '{alias}'."))
            .ToList();
        if (referenceColumns.Count != primaryColumns.Count)
        {
            throw new RuleEvaluationException(
                $"ReferentialIntegrity names {primaryColumns.Count} primary column(s) and {referenceColumns.Count} reference column(s); give the same number.");
        }

        var join = string.Join(" AND ", primaryColumns.Zip(referenceColumns, (p, r) => $"r.{DqSql.Identifier(r)} = p.{DqSql.Identifier(p)}"));
        var found = context.Plan.Query(
            $"SELECT CAST(count(*) AS DOUBLE) FROM {DqSql.Primary} p WHERE EXISTS (SELECT 1 FROM {DqSql.Identifier(alias)} r WHERE {join})");
        var rows = context.RowCount(null);
        return values => Measurement.Of($"Column.{alias}.ReferentialIntegrity", Ratio(values.Number(found), values.Number(rows)));
    }

    private static Func<MetricValues, Measurement> DatasetMatch(DqRule rule, RuleCompileContext context)
    {
        var alias = rule.Parameters[0].Value;
        var reference = context.Reference(alias);
        var keys = Mappings(rule.Parameters[1].Value, context, reference, alias);
        var matches = rule.Parameters.Count > 2
            ? Mappings(rule.Parameters[2].Value, context, reference, alias)
            : context.Schema.Columns
                .Where(c => keys.All(k => !string.Equals(k.Primary, c.Name, StringComparison.OrdinalIgnoreCase)) && reference.Find(c.Name) is not null)
                .Select(c => (Primary: c.Name, Reference: reference.Find(c.Name)!.Name))
                .ToList();
        var keyJoin = keys.Select(k => $"r.{DqSql.Identifier(k.Reference)} = p.{DqSql.Identifier(k.Primary)}");
        var valueJoin = matches.Select(m => $"r.{DqSql.Identifier(m.Reference)} IS NOT DISTINCT FROM p.{DqSql.Identifier(m.Primary)}");
        var found = context.Plan.Query(
            $"SELECT CAST(count(*) AS DOUBLE) FROM {DqSql.Primary} p WHERE EXISTS (SELECT 1 FROM {DqSql.Identifier(alias)} r WHERE {string.Join(" AND ", keyJoin.Concat(valueJoin))})");
        var rows = context.RowCount(null);
        return values => Measurement.Of($"Dataset.{alias}.DatasetMatch", Ratio(values.Number(found), values.Number(rows)));
    }

    private static Func<MetricValues, Measurement> AggregateMatch(DqRule rule, RuleCompileContext context)
    {
        var first = context.Plan.Query(AggregateQuery(rule.Parameters[0].Value, context));
        var second = context.Plan.Query(AggregateQuery(rule.Parameters[1].Value, context));
        return values =>
        {
            var (a, b) = (values.Number(first), values.Number(second));
            double? ratio = a is { } x && b is { } y ? (x == y ? 1.0 : y == 0 ? null : x / y) : null;
            return Measurement.Of("Dataset.*.AggregateMatch", ratio);
        };
    }

    /// <summary>An aggregate over primary, or over the reference whose alias prefixes its columns (<c>sum(reference.amount)</c>).</summary>
    private static string AggregateQuery(string expression, RuleCompileContext context)
    {
        foreach (var alias in context.ReferenceAliases)
        {
            var prefix = new Regex($@"(?<![\w.""]){Regex.Escape(alias)}\.", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (prefix.IsMatch(expression))
            {
                return $"SELECT CAST(({prefix.Replace(expression, string.Empty)}) AS DOUBLE) FROM {DqSql.Identifier(alias)}";
            }
        }

        var own = new Regex(@"(?<![\w.""])primary\.", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return $"SELECT CAST(({own.Replace(expression, string.Empty)}) AS DOUBLE) FROM {DqSql.Primary}";
    }

    private static List<(string Primary, string Reference)> Mappings(string text, RuleCompileContext context, DataPrepWorkflows.DataPlane.Datasets.DatasetSchema reference, string alias) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split("->", StringSplitOptions.TrimEntries);
            var primary = context.Column(parts[0]).Name;
            var other = parts.Length > 1 ? parts[1] : parts[0];
            return (primary, reference.Find(other)?.Name ?? throw new RuleEvaluationException($"Column '{other}' does not exist in the reference dataset '{alias}'."));
        })];

    private static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d ? (d == 0 ? (n == 0 ? 1.0 : null) : n / d) : null;

    [GeneratedRegex(@"^(?<alias>[^.{}]+)\.(\{(?<list>[^}]*)\}|(?<one>.+))$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceColumns();
}
