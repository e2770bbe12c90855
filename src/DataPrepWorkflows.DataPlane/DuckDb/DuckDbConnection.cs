using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>: runs statements, prepares statements and creates appenders.
/// One caller at a time; open more connections for parallel work. Cancelling a token interrupts the running query.
/// </summary>
public sealed unsafe class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle _handle;

    internal DuckDbConnection(DuckDbDatabase database, ConnectionHandle handle)
    {
        Database = database;
        _handle = handle;
    }

    /// <summary>The database this connection belongs to.</summary>
    public DuckDbDatabase Database { get; }

    internal ConnectionHandle Handle => _handle;

    /// <summary>Runs one or more statements and returns the rows the last one changed.</summary>
    /// <param name="sql">The statements.</param>
    /// <param name="cancellationToken">Interrupts the query when cancelled.</param>
    /// <returns>Rows inserted, updated or deleted by the last statement (0 for other statements).</returns>
    /// <exception cref="DuckDbException">DuckDB refused the statement; the message is DuckDB's.</exception>
    public long Execute(string sql, CancellationToken cancellationToken = default)
    {
        using var result = RunQuery(sql, cancellationToken);
        return (long)NativeMethods.duckdb_rows_changed(result.Pointer);
    }

    /// <summary>Runs a query and returns its result, read chunk by chunk.</summary>
    /// <param name="sql">The query (several statements are allowed; the last one's result is returned).</param>
    /// <param name="cancellationToken">Interrupts the query when cancelled.</param>
    /// <returns>The result; dispose it when done.</returns>
    /// <exception cref="DuckDbException">DuckDB refused the query; the message is DuckDB's.</exception>
    public DuckDbQueryResult Query(string sql, CancellationToken cancellationToken = default) =>
        new(RunQuery(sql, cancellationToken), Database.Tracker);

    /// <summary>
    /// Runs a query and streams its result chunk by chunk without materialising it (see
    /// <see cref="DuckDbPreparedStatement.QueryStreaming"/>); use it to read large results. The connection must not run
    /// anything else until the result is disposed.
    /// </summary>
    /// <param name="sql">One query.</param>
    /// <param name="cancellationToken">Interrupts the query when cancelled.</param>
    /// <returns>The streaming result; dispose it when done.</returns>
    public DuckDbQueryResult QueryStreaming(string sql, CancellationToken cancellationToken = default)
    {
        using var statement = Prepare(sql);
        return statement.QueryStreaming(cancellationToken);
    }

    /// <summary>Runs a query and returns the first column of its first row, or <see langword="null"/>.</summary>
    /// <param name="sql">The query.</param>
    /// <param name="cancellationToken">Interrupts the query when cancelled.</param>
    /// <returns>The value as a CLR value (see <see cref="DuckDbVector.GetValue"/>).</returns>
    public object? ExecuteScalar(string sql, CancellationToken cancellationToken = default)
    {
        using var result = Query(sql, cancellationToken);
        using var chunk = result.FetchChunk();
        return chunk is null || chunk.RowCount == 0 ? null : chunk.GetVector(0).GetValue(0);
    }

    /// <summary>Prepares a statement with <c>?</c> or <c>$1</c> parameters.</summary>
    /// <param name="sql">One statement.</param>
    /// <returns>The prepared statement; dispose it when done.</returns>
    /// <exception cref="DuckDbException">DuckDB could not prepare the statement; the message is DuckDB's.</exception>
    public DuckDbPreparedStatement Prepare(string sql)
    {
        var state = NativeMethods.duckdb_prepare(_handle.DangerousGetHandle(), sql, out var native);
        var statement = new PreparedStatementHandle(native, Database.Tracker, _handle);
        if (state != DuckDbState.Success)
        {
            var message = Utf8Text.Read(NativeMethods.duckdb_prepare_error(native));
            statement.Dispose();
            throw new DuckDbException(message);
        }

        return new DuckDbPreparedStatement(this, statement);
    }

    /// <summary>Creates an appender that bulk-loads rows into an existing table.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="schema">The schema, or <see langword="null"/> for the default one.</param>
    /// <returns>The appender; dispose it (or <see cref="DuckDbAppender.Close"/>) to flush the rows.</returns>
    public DuckDbAppender CreateAppender(string table, string? schema = null)
    {
        var state = NativeMethods.duckdb_appender_create(_handle.DangerousGetHandle(), schema, table, out var native);
        var appender = new AppenderHandle(native, Database.Tracker, _handle);
        if (state != DuckDbState.Success)
        {
            var message = native == 0 ? $"Table '{table}' cannot be appended to." : Utf8Text.Read(NativeMethods.duckdb_appender_error(native));
            appender.Dispose();
            throw new DuckDbException(message, DuckDbErrorKind.Catalog);
        }

        return new DuckDbAppender(appender);
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    internal ResultHandle RunQuery(string sql, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var result = ResultHandle.Allocate(Database.Tracker, _handle);
        DuckDbState state;
        using (Interrupt(cancellationToken))
        {
            state = NativeMethods.duckdb_query(_handle.DangerousGetHandle(), sql, result.Pointer);
        }

        ThrowIfFailed(state, result, cancellationToken);
        return result;
    }

    internal CancellationTokenRegistration Interrupt(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => NativeMethods.duckdb_interrupt(((ConnectionHandle)state!).DangerousGetHandle()), _handle)
            : default;

    internal static void ThrowIfFailed(DuckDbState state, ResultHandle result, CancellationToken cancellationToken)
    {
        if (state == DuckDbState.Success)
        {
            return;
        }

        var message = Utf8Text.Read(NativeMethods.duckdb_result_error(result.Pointer));
        var kind = (DuckDbErrorKind)NativeMethods.duckdb_result_error_type(result.Pointer);
        result.Dispose();
        cancellationToken.ThrowIfCancellationRequested();
        throw new DuckDbException(message, kind);
    }
}
