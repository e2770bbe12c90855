using System.Globalization;
using System.Text;
using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// Bulk-loads rows into a table, the fastest way in from .NET: append one value per column, then
/// <see cref="EndRow"/>. Rows are buffered by DuckDB and written on <see cref="Flush"/>, <see cref="Close"/> or
/// <see cref="Dispose"/>. A value DuckDB rejects (wrong column count or type) raises <see cref="DuckDbException"/>.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private bool _closed;

    internal DuckDbAppender(AppenderHandle handle)
    {
        _handle = handle;
        ColumnCount = (int)NativeMethods.duckdb_appender_column_count(handle.DangerousGetHandle());
    }

    /// <summary>Columns of the target table.</summary>
    public int ColumnCount { get; }

    private nint Native
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle.DangerousGetHandle();
        }
    }

    /// <summary>Appends a BOOLEAN.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(bool value) => Check(NativeMethods.duckdb_append_bool(Native, value ? (byte)1 : (byte)0));

    /// <summary>Appends a TINYINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(sbyte value) => Check(NativeMethods.duckdb_append_int8(Native, value));

    /// <summary>Appends a SMALLINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(short value) => Check(NativeMethods.duckdb_append_int16(Native, value));

    /// <summary>Appends an INTEGER.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(int value) => Check(NativeMethods.duckdb_append_int32(Native, value));

    /// <summary>Appends a BIGINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(long value) => Check(NativeMethods.duckdb_append_int64(Native, value));

    /// <summary>Appends a HUGEINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(Int128 value) => Check(NativeMethods.duckdb_append_hugeint(Native, NativeHugeInt.From(value)));

    /// <summary>Appends a UTINYINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(byte value) => Check(NativeMethods.duckdb_append_uint8(Native, value));

    /// <summary>Appends a USMALLINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(ushort value) => Check(NativeMethods.duckdb_append_uint16(Native, value));

    /// <summary>Appends a UINTEGER.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(uint value) => Check(NativeMethods.duckdb_append_uint32(Native, value));

    /// <summary>Appends a UBIGINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(ulong value) => Check(NativeMethods.duckdb_append_uint64(Native, value));

    /// <summary>Appends a UHUGEINT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(UInt128 value) => Check(NativeMethods.duckdb_append_uhugeint(Native, NativeUHugeInt.From(value)));

    /// <summary>Appends a FLOAT.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(float value) => Check(NativeMethods.duckdb_append_float(Native, value));

    /// <summary>Appends a DOUBLE.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(double value) => Check(NativeMethods.duckdb_append_double(Native, value));

    /// <summary>Appends a DECIMAL; DuckDB rescales it to the column's width and scale.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(decimal value) => AppendText(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends a DATE.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(DateOnly value) => Check(NativeMethods.duckdb_append_date(Native, DuckDbConvert.FromDate(value)));

    /// <summary>Appends a TIME.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(TimeOnly value) => Check(NativeMethods.duckdb_append_time(Native, DuckDbConvert.FromTime(value)));

    /// <summary>Appends a TIMESTAMP (microsecond precision).</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(DateTime value) => Check(NativeMethods.duckdb_append_timestamp(Native, DuckDbConvert.FromTimestamp(value)));

    /// <summary>Appends an INTERVAL.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(DuckDbInterval value) =>
        Check(NativeMethods.duckdb_append_interval(Native, new NativeInterval { Months = value.Months, Days = value.Days, Micros = value.Micros }));

    /// <summary>Appends a UUID.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(Guid value) => AppendText(value.ToString("D", CultureInfo.InvariantCulture));

    /// <summary>Appends a VARCHAR, or NULL when <paramref name="value"/> is <see langword="null"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* pointer = bytes)
        {
            return Check(NativeMethods.duckdb_append_varchar_length(Native, pointer, (ulong)bytes.Length));
        }
    }

    /// <summary>Appends a BLOB.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender Append(ReadOnlySpan<byte> value)
    {
        fixed (byte* pointer = value)
        {
            return Check(NativeMethods.duckdb_append_blob(Native, pointer, (ulong)value.Length));
        }
    }

    /// <summary>
    /// Appends a value written as text in DuckDB's literal syntax (e.g. <c>[1, 2]</c>, <c>{'a': 1}</c>, a UUID or a
    /// decimal); DuckDB casts it to the column's type, so any column type can be loaded this way.
    /// </summary>
    /// <param name="text">The literal text.</param>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender AppendText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        nint value;
        fixed (byte* pointer = bytes)
        {
            value = NativeMethods.duckdb_create_varchar_length(pointer, (ulong)bytes.Length);
        }

        try
        {
            return Check(NativeMethods.duckdb_append_value(Native, value));
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref value);
        }
    }

    /// <summary>Appends NULL.</summary>
    /// <returns>This appender, for chaining.</returns>
    public DuckDbAppender AppendNull() => Check(NativeMethods.duckdb_append_null(Native));

    /// <summary>Finishes the current row.</summary>
    public void EndRow() => Check(NativeMethods.duckdb_appender_end_row(Native));

    /// <summary>Writes the buffered rows to the table.</summary>
    public void Flush() => Check(NativeMethods.duckdb_appender_flush(Native));

    /// <summary>Flushes and closes the appender; later appends fail.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Check(NativeMethods.duckdb_appender_close(Native));
    }

    /// <summary>Closes the appender (flushing its rows) and releases it.</summary>
    public void Dispose()
    {
        try
        {
            if (!_handle.IsClosed)
            {
                Close();
            }
        }
        finally
        {
            _handle.Dispose();
        }
    }

    private DuckDbAppender Check(DuckDbState state)
    {
        if (state != DuckDbState.Success)
        {
            throw new DuckDbException(Utf8Text.Read(NativeMethods.duckdb_appender_error(Native)), DuckDbErrorKind.InvalidInput);
        }

        return this;
    }
}
