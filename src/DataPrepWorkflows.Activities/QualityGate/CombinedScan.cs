using System.Text;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Computes a whole <see cref="MetricPlan"/> with ONE statement: the aggregates in one SELECT, and each separate
/// query folded in as a one-row subquery (its row count up to 2 and its first row). When <c>primary</c> is a view
/// over a file, the file is read once into a materialized CTE named <c>primary</c> that every part reads, so
/// CustomSql statements see the dataset under the same name. Nothing here changes a value: the parts are the
/// same SQL the separate statements run.
/// </summary>
internal static class CombinedScan
{
    /// <summary>The plan's values, or null when the combined statement fails (the caller then runs the parts one by one).</summary>
    /// <param name="session">The session where <c>primary</c> is registered.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="relation">The file relation behind the view <c>primary</c>, or null when <c>primary</c> is a table.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static async Task<MetricValues?> TryRunAsync(DuckDbSession session, MetricPlan plan, string? relation, CancellationToken cancellationToken)
    {
        // Binding a query tells its columns without reading data; a query that does not bind has its error already.
        var outcomes = new QueryOutcome?[plan.Queries.Count];
        var folded = new List<(int Index, IReadOnlyList<string> Columns)>();
        for (var i = 0; i < plan.Queries.Count; i++)
        {
            try
            {
                var shape = await session.QueryAsync($"SELECT * FROM ({plan.Queries[i]}) LIMIT 0", cancellationToken).ConfigureAwait(false);
                folded.Add((i, [.. shape.Columns.Select(c => c.Name)]));
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
            {
                outcomes[i] = new QueryOutcome(null, 0, [], error.Message);
            }
        }

        var aggregates = new object?[plan.Aggregates.Count];
        if (plan.Aggregates.Count > 0 || folded.Count > 0)
        {
            object?[] row;
            try
            {
                var rows = await session.QueryAsync(Sql(plan, folded, relation), cancellationToken).ConfigureAwait(false);
                row = rows.Rows[0];
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
            {
                return null;
            }

            Array.Copy(row, aggregates, aggregates.Length);
            var position = aggregates.Length;
            foreach (var (index, columns) in folded)
            {
                var count = (long)(DqSql.ToDouble(row[position]) ?? 0);
                outcomes[index] = new QueryOutcome(count > 0 ? row[(position + 1)..(position + 1 + columns.Count)] : null, count, columns, null);
                position += 1 + columns.Count;
            }
        }

        return new MetricValues(aggregates, new string?[aggregates.Length], [.. outcomes.Select(o => o!)]);
    }

    private static string Sql(MetricPlan plan, List<(int Index, IReadOnlyList<string> Columns)> folded, string? relation)
    {
        var sql = new StringBuilder();
        if (relation is not null)
        {
            // Without MATERIALIZED each part would read (and parse) the file again. Materializing every column also
            // converts every value, so a value that does not fit its column's type fails the read as a table load does.
            sql.Append($"WITH {DqSql.Primary} AS MATERIALIZED (SELECT * FROM {relation}) ");
        }

        var parts = new List<string>();
        if (plan.Aggregates.Count > 0)
        {
            parts.Add($"(SELECT {string.Join(", ", plan.Aggregates.Select(a => $"CAST(({a}) AS DOUBLE)"))} FROM {DqSql.Primary}) AS __dq_aggregates");
        }

        foreach (var (index, columns) in folded)
        {
            var names = columns.Select((_, c) => $"__dq_c{c}").ToList();
            parts.Add(
                $"(SELECT count(*), {string.Join(", ", names.Select(n => $"first({n})"))} " +
                $"FROM (SELECT * FROM ({plan.Queries[index]}) LIMIT 2) AS __dq_t({string.Join(", ", names)})) AS __dq_q{index}");
        }

        return sql.Append("SELECT * FROM ").AppendJoin(", ", parts).ToString();
    }
}
