namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// What an evaluation has to compute: aggregates over the primary dataset, which all go into ONE
/// <c>SELECT</c> (one scan), and the few queries that cannot (frequency GROUP BYs, CustomSql, cross-dataset rules).
/// Identical requests are computed once, however many rules ask for them.
/// </summary>
internal sealed class MetricPlan
{
    private readonly Dictionary<string, int> _aggregateIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queryIndex = new(StringComparer.Ordinal);

    public List<string> Aggregates { get; } = [];

    public List<string> Queries { get; } = [];

    /// <summary>Asks for an aggregate over <c>primary</c>; its value arrives as a double (or NULL).</summary>
    public MetricKey Aggregate(string sql)
    {
        if (!_aggregateIndex.TryGetValue(sql, out var index))
        {
            index = Aggregates.Count;
            Aggregates.Add(sql);
            _aggregateIndex[sql] = index;
        }

        return new MetricKey(false, index);
    }

    /// <summary>Asks for a separate query; its first row arrives as CLR values.</summary>
    public MetricKey Query(string sql)
    {
        if (!_queryIndex.TryGetValue(sql, out var index))
        {
            index = Queries.Count;
            Queries.Add(sql);
            _queryIndex[sql] = index;
        }

        return new MetricKey(true, index);
    }
}

/// <summary>A requested metric: an aggregate of the main scan or a separate query.</summary>
internal readonly record struct MetricKey(bool IsQuery, int Index);

/// <summary>The computed values of a <see cref="MetricPlan"/>; a request that failed holds its error.</summary>
internal sealed class MetricValues(
    IReadOnlyList<object?> aggregates,
    IReadOnlyList<string?> aggregateErrors,
    IReadOnlyList<QueryOutcome> queries)
{
    public double? Number(MetricKey key) => DqSql.ToDouble(Row(key) is [var first, ..] ? first : null);

    public object?[] Row(MetricKey key)
    {
        if (key.IsQuery)
        {
            var outcome = queries[key.Index];
            return outcome.Error is { } error ? throw new RuleEvaluationException(error) : outcome.Row ?? [];
        }

        return aggregateErrors[key.Index] is { } aggregateError
            ? throw new RuleEvaluationException(aggregateError)
            : [aggregates[key.Index]];
    }

    public QueryOutcome Outcome(MetricKey key) => queries[key.Index];
}

/// <summary>The result of one separate query: its first row (or none), how many rows (up to 2), its column names.</summary>
internal sealed record QueryOutcome(object?[]? Row, long RowCount, IReadOnlyList<string> Columns, string? Error);

/// <summary>A rule that cannot be evaluated, with the reason a user reads in the rule's result.</summary>
internal sealed class RuleEvaluationException(string message) : Exception(message);
