using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Runs a <see cref="MetricPlan"/>: the whole plan in one statement (<see cref="CombinedScan"/>) when it succeeds;
/// otherwise, with <c>primary</c> read into a table, every aggregate in one SELECT, then each separate query. When
/// that SELECT fails too (a rule's bad <c>where</c> clause), the aggregates are retried one by one so only the
/// rules that asked for the failing ones get an Error outcome.
/// </summary>
internal static class PlanExecutor
{
    public static async Task<MetricValues> RunAsync(DuckDbSession session, MetricPlan plan, PrimarySource primary, CancellationToken cancellationToken)
    {
        if (await CombinedScan.TryRunAsync(session, plan, primary.Relation, cancellationToken).ConfigureAwait(false) is { } values)
        {
            return values;
        }

        await primary.MaterializeAsync(cancellationToken).ConfigureAwait(false);
        return await RunEachAsync(session, plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The statement-per-part way, which isolates the part that fails.</summary>
    public static async Task<MetricValues> RunEachAsync(DuckDbSession session, MetricPlan plan, CancellationToken cancellationToken)
    {
        var aggregates = new object?[plan.Aggregates.Count];
        var errors = new string?[plan.Aggregates.Count];
        if (plan.Aggregates.Count > 0)
        {
            try
            {
                var select = string.Join(", ", plan.Aggregates.Select(a => $"CAST(({a}) AS DOUBLE)"));
                var rows = await session.QueryAsync($"SELECT {select} FROM {DqSql.Primary}", cancellationToken).ConfigureAwait(false);
                rows.Rows[0].CopyTo(aggregates, 0);
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt && plan.Aggregates.Count > 1)
            {
                for (var i = 0; i < plan.Aggregates.Count; i++)
                {
                    (aggregates[i], errors[i]) = await OneAsync(session, plan.Aggregates[i], cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
            {
                errors[0] = error.Message;
            }
        }

        var queries = new List<QueryOutcome>(plan.Queries.Count);
        foreach (var query in plan.Queries)
        {
            try
            {
                var rows = await session.QueryAsync($"SELECT * FROM ({query}) LIMIT 2", cancellationToken).ConfigureAwait(false);
                queries.Add(new QueryOutcome(
                    rows.Rows.Count > 0 ? rows.Rows[0] : null, rows.Rows.Count, [.. rows.Columns.Select(c => c.Name)], null));
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
            {
                queries.Add(new QueryOutcome(null, 0, [], error.Message));
            }
        }

        return new MetricValues(aggregates, errors, queries);
    }

    private static async Task<(object?, string?)> OneAsync(DuckDbSession session, string aggregate, CancellationToken cancellationToken)
    {
        try
        {
            var rows = await session.QueryAsync($"SELECT CAST(({aggregate}) AS DOUBLE) FROM {DqSql.Primary}", cancellationToken).ConfigureAwait(false);
            return (rows.Rows[0][0], null);
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            return (null, error.Message);
        }
    }
}
