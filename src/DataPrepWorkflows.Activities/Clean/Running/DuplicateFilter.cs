using System.Globalization;
using DataPrepWorkflows.Activities.Clean.Operations;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Clean.Running;

/// <summary>
/// Exact duplicate rows found without grouping the data on every column: rows are grouped by a hash of their values,
/// only rows sharing a hash are compared column by column, and the later copies become a bit string over the row
/// positions. The step is then a plain filter, so it stays in the pipeline and keeps the row order, instead of a
/// grouping of the whole input computed into a table.
/// </summary>
internal static class DuplicateFilter
{
    /// <summary>Row-position ranges wider than this keep the grouping (the bit string is carried in the SQL text).</summary>
    public const long MaxRange = 64_000_000;

    /// <summary>The filter's SELECT over <paramref name="input"/>, or <see langword="null"/> when the rows span too wide a range.</summary>
    /// <param name="session">The session.</param>
    /// <param name="input">The relation holding the step's input (with the row-position column).</param>
    /// <param name="columns">The columns compared (SQL list).</param>
    /// <param name="maxRange">The widest row-position range filtered (<see cref="MaxRange"/>).</param>
    /// <param name="cancellationToken">Interrupts the queries.</param>
    /// <exception cref="DataPlane.DuckDb.DuckDbException">DuckDB refused a query.</exception>
    public static async Task<string?> SelectAsync(DuckDbSession session, string input, string columns, long maxRange, CancellationToken cancellationToken)
    {
        var row = Sql.Id(Sql.RowColumn);
        var range = (await session.QueryAsync($"SELECT min({row}), max({row}) FROM {input}", cancellationToken).ConfigureAwait(false)).Rows[0];
        if (range[0] is null)
        {
            return $"SELECT * FROM {input}";
        }

        var (low, high) = (Convert.ToInt64(range[0], CultureInfo.InvariantCulture), Convert.ToInt64(range[1], CultureInfo.InvariantCulture));
        if (high - low + 1 > maxRange)
        {
            return null;
        }

        var bounds = string.Create(CultureInfo.InvariantCulture, $"{low}, {high}");
        var later = (await session.QueryAsync(
            $"WITH shared AS (SELECT hash({columns}) AS h FROM {input} GROUP BY 1 HAVING count(*) > 1), " +
            $"later AS (SELECT {row} AS r FROM {input} WHERE hash({columns}) IN (SELECT h FROM shared) " +
            $"QUALIFY row_number() OVER (PARTITION BY {columns} ORDER BY {row}) > 1) " +
            $"SELECT CAST(bitstring_agg(r, {bounds}) AS VARCHAR) FROM later",
            cancellationToken).ConfigureAwait(false)).Rows[0][0] as string;
        return later is null
            ? $"SELECT * FROM {input}"
            : string.Create(CultureInfo.InvariantCulture, $"SELECT * FROM {input} WHERE get_bit(CAST('{later}' AS BIT), CAST({row} - {low} AS INTEGER)) = 0");
    }
}
