using System.Globalization;
using DataPrepWorkflows.Activities.Clean.Operations;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Clean.Running;

/// <summary>
/// One aggregate query over a stage: the statistics a step needs (mean, median, quantiles, σ…) and the counts the
/// journal still wants of the same stage. Statistics come back as SQL literals of their own type, so the step's SQL
/// carries constants instead of subqueries that would re-run every earlier step each time they are read.
/// </summary>
internal static class StagePass
{
    /// <summary>Computes <paramref name="aggregates"/> and the pending counts of <paramref name="stage"/>.</summary>
    /// <param name="session">The session.</param>
    /// <param name="relation">The relation holding the stage.</param>
    /// <param name="stage">The stage number.</param>
    /// <param name="aggregates">Aggregate expressions over the stage's columns.</param>
    /// <param name="counts">Pending counts of the stage are computed and recorded here.</param>
    /// <param name="cancellationToken">Interrupts the query.</param>
    /// <returns>Each aggregate's value as a typed SQL literal, e.g. <c>CAST('41.5' AS DOUBLE)</c>.</returns>
    /// <exception cref="DataPlane.DuckDb.DuckDbException">DuckDB refused the query.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(
        DuckDbSession session, string relation, int stage, IReadOnlyList<string> aggregates, StageCounts counts, CancellationToken cancellationToken)
    {
        var wanted = counts.PendingAt(stage);
        var select = new List<string>(2 * aggregates.Count + wanted.Count);
        foreach (var aggregate in aggregates)
        {
            // DuckDB's text for a value reads back as the same value (doubles print their shortest round-trip form).
            select.Add($"CAST({aggregate} AS VARCHAR)");
            select.Add($"typeof({aggregate})");
        }

        select.AddRange(wanted);
        var row = (await session.QueryAsync($"SELECT {string.Join(", ", select)} FROM {relation}", cancellationToken).ConfigureAwait(false)).Rows[0];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < aggregates.Count; i++)
        {
            var type = (string)row[(2 * i) + 1]!;
            values[aggregates[i]] = $"CAST({Sql.Str(row[2 * i] as string)} AS {type})";
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            counts.Record(stage, wanted[i], Convert.ToInt64(row[(2 * aggregates.Count) + i], CultureInfo.InvariantCulture));
        }

        return values;
    }
}
