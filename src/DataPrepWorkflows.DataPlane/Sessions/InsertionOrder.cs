namespace DataPrepWorkflows.DataPlane.Sessions;

/// <summary>
/// Runs work with DuckDB's <c>preserve_insertion_order</c> off, then restores the session's setting. Reads that feed
/// only statistics (no output whose row order matters) get markedly cheaper: DuckDB's threads append as they go instead
/// of re-sequencing what they read.
/// </summary>
public static class InsertionOrder
{
    /// <summary>Runs <paramref name="work"/> without preserving insertion order.</summary>
    /// <param name="session">The session.</param>
    /// <param name="work">Queries whose results do not depend on row order (aggregates, tables read only by aggregates).</param>
    /// <param name="cancellationToken">Interrupts the setting's statements.</param>
    /// <returns>When the work is done and the setting restored.</returns>
    public static async Task IgnoringAsync(DuckDbSession session, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(work);
        var setting = await session.QueryAsync("SELECT current_setting('preserve_insertion_order')", cancellationToken).ConfigureAwait(false);
        var preserve = setting.Rows[0][0] is true;
        await session.ExecuteAsync("SET preserve_insertion_order = false", cancellationToken).ConfigureAwait(false);
        try
        {
            await work().ConfigureAwait(false);
        }
        finally
        {
            await session.ExecuteAsync($"SET preserve_insertion_order = {(preserve ? "true" : "false")}", CancellationToken.None).ConfigureAwait(false);
        }
    }
}
