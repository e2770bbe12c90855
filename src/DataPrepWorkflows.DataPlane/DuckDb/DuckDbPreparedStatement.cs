using System.Text;
using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// A prepared statement: bind parameters (1-based, as in DuckDB) with typed values, then execute; rebind and execute
/// again as often as needed. Dispose it when done.
/// </summary>
public sealed unsafe class DuckDbPreparedStatement : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly PreparedStatementHandle _handle;

    internal DuckDbPreparedStatement(DuckDbConnection connection, PreparedStatementHandle handle)
    {
        _connection = connection;
        _handle = handle;
        ParameterCount = (int)NativeMethods.duckdb_nparams(handle.DangerousGetHandle());
    }

    /// <summary>Number of parameters in the statement.</summary>
    public int ParameterCount { get; }

    private nint Native
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle.DangerousGetHandle();
        }
    }

    /// <summary>Binds a BOOLEAN.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, bool value) =>
        Check(NativeMethods.duckdb_bind_boolean(Native, (ulong)index, value ? (byte)1 : (byte)0), index);

    /// <summary>Binds a BIGINT.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, long value) =>
        Check(NativeMethods.duckdb_bind_int64(Native, (ulong)index, value), index);

    /// <summary>Binds a DOUBLE.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, double value) =>
        Check(NativeMethods.duckdb_bind_double(Native, (ulong)index, value), index);

    /// <summary>Binds a DECIMAL with the value's own scale.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, decimal value)
    {
        var (width, scale, unscaled) = DuckDbConvert.FromDecimal(value);
        var native = new NativeDecimal { Width = width, Scale = scale, Value = NativeHugeInt.From(unscaled) };
        return Check(NativeMethods.duckdb_bind_decimal(Native, (ulong)index, native), index);
    }

    /// <summary>Binds a VARCHAR, or NULL when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            return BindNull(index);
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* pointer = bytes)
        {
            return Check(NativeMethods.duckdb_bind_varchar_length(Native, (ulong)index, pointer, (ulong)bytes.Length), index);
        }
    }

    /// <summary>Binds a BLOB.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The bytes.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        fixed (byte* pointer = value)
        {
            return Check(NativeMethods.duckdb_bind_blob(Native, (ulong)index, pointer, (ulong)value.Length), index);
        }
    }

    /// <summary>Binds a DATE.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, DateOnly value) =>
        Check(NativeMethods.duckdb_bind_date(Native, (ulong)index, DuckDbConvert.FromDate(value)), index);

    /// <summary>Binds a TIMESTAMP (microsecond precision; a local time is converted to UTC first).</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement Bind(int index, DateTime value) =>
        Check(NativeMethods.duckdb_bind_timestamp(Native, (ulong)index, DuckDbConvert.FromTimestamp(value)), index);

    /// <summary>Binds NULL.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement BindNull(int index) =>
        Check(NativeMethods.duckdb_bind_null(Native, (ulong)index), index);

    /// <summary>Binds a CLR value by its type (see the typed overloads); <see langword="null"/> binds NULL.</summary>
    /// <param name="index">1-based parameter index.</param>
    /// <param name="value">The value.</param>
    /// <returns>This statement, for chaining.</returns>
    public DuckDbPreparedStatement BindValue(int index, object? value) => value switch
    {
        null or DBNull => BindNull(index),
        bool b => Bind(index, b),
        byte or sbyte or short or ushort or int or uint or long => Bind(index, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        float f => Bind(index, (double)f),
        double d => Bind(index, d),
        decimal m => Bind(index, m),
        string s => Bind(index, s),
        byte[] bytes => Bind(index, bytes.AsSpan()),
        DateOnly date => Bind(index, date),
        DateTime timestamp => Bind(index, timestamp),
        _ => throw new ArgumentException($"Parameter {index}: values of type {value.GetType().Name} cannot be bound.", nameof(value)),
    };

    /// <summary>Clears every binding.</summary>
    public void ClearBindings() => NativeMethods.duckdb_clear_bindings(Native);

    /// <summary>Executes the statement and returns its result.</summary>
    /// <param name="cancellationToken">Interrupts the query when cancelled.</param>
    /// <returns>The result; dispose it when done.</returns>
    /// <exception cref="DuckDbException">Execution failed; the message is DuckDB's.</exception>
    public DuckDbQueryResult Query(CancellationToken cancellationToken = default) =>
        new(Run(cancellationToken), _connection.Database.Tracker);

    /// <summary>
    /// Executes the statement and streams its result: chunks are produced as they are fetched instead of the whole
    /// result being materialised first, so memory stays flat for large results. The connection must not run anything
    /// else until the result is disposed.
    /// </summary>
    /// <param name="cancellationToken">Interrupts the query when cancelled.</param>
    /// <returns>The streaming result; dispose it when done.</returns>
    public DuckDbQueryResult QueryStreaming(CancellationToken cancellationToken = default) =>
        new(Run(cancellationToken, streaming: true), _connection.Database.Tracker);

    /// <summary>Executes the statement and returns the rows it changed.</summary>
    /// <param name="cancellationToken">Interrupts the query when cancelled.</param>
    /// <returns>Rows changed.</returns>
    public long Execute(CancellationToken cancellationToken = default)
    {
        using var result = Run(cancellationToken);
        return (long)NativeMethods.duckdb_rows_changed(result.Pointer);
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    private ResultHandle Run(CancellationToken cancellationToken, bool streaming = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = ResultHandle.Allocate(_connection.Database.Tracker, _connection.Handle);
        DuckDbState state;
        using (_connection.Interrupt(cancellationToken))
        {
            state = streaming
                ? NativeMethods.duckdb_execute_prepared_streaming(Native, result.Pointer)
                : NativeMethods.duckdb_execute_prepared(Native, result.Pointer);
        }

        DuckDbConnection.ThrowIfFailed(state, result, cancellationToken);
        return result;
    }

    private DuckDbPreparedStatement Check(DuckDbState state, int index)
    {
        if (state != DuckDbState.Success)
        {
            throw new DuckDbException(
                $"Parameter {index} cannot be bound: the statement has {ParameterCount} parameter(s), numbered from 1, or the value does not fit the parameter's type.",
                DuckDbErrorKind.InvalidInput);
        }

        return this;
    }
}
