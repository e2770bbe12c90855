using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// The result of a query, read one <see cref="DuckDbDataChunk"/> (up to 2,048 rows) at a time as typed columns.
/// Dispose it when done.
/// </summary>
public sealed unsafe class DuckDbQueryResult : IDisposable
{
    private readonly ResultHandle _handle;
    private readonly HandleTracker _tracker;

    internal DuckDbQueryResult(ResultHandle handle, HandleTracker tracker)
    {
        _handle = handle;
        _tracker = tracker;
        var count = (int)NativeMethods.duckdb_column_count(handle.Pointer);
        var columns = new DuckDbColumn[count];
        for (var i = 0; i < count; i++)
        {
            columns[i] = new DuckDbColumn(
                Utf8Text.Read(NativeMethods.duckdb_column_name(handle.Pointer, (ulong)i)),
                DuckDbLogicalType.FromNativeAndDestroy(NativeMethods.duckdb_column_logical_type(handle.Pointer, (ulong)i)));
        }

        Columns = columns;
        RowsChanged = (long)NativeMethods.duckdb_rows_changed(handle.Pointer);
    }

    /// <summary>The result's columns, in order.</summary>
    public IReadOnlyList<DuckDbColumn> Columns { get; }

    /// <summary>Rows changed, for INSERT/UPDATE/DELETE results.</summary>
    public long RowsChanged { get; }

    /// <summary>Fetches the next chunk of rows.</summary>
    /// <returns>The next chunk (dispose it), or <see langword="null"/> when the result is exhausted.</returns>
    public DuckDbDataChunk? FetchChunk()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var chunk = NativeMethods.duckdb_fetch_chunk(*_handle.Pointer);
        if (chunk == 0)
        {
            return null;
        }

        var handle = new DataChunkHandle(chunk, _tracker);
        var rows = (int)NativeMethods.duckdb_data_chunk_get_size(chunk);
        if (rows == 0)
        {
            handle.Dispose();
            return null;
        }

        return new DuckDbDataChunk(handle, Columns, rows);
    }

    /// <summary>
    /// Reads every remaining row as CLR values. Convenient for small results (tests, catalog queries); large results
    /// should be read chunk by chunk through typed spans instead.
    /// </summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<object?[]> ReadAllRows()
    {
        var rows = new List<object?[]>();
        while (FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                for (var row = 0; row < chunk.RowCount; row++)
                {
                    var values = new object?[Columns.Count];
                    for (var column = 0; column < values.Length; column++)
                    {
                        values[column] = chunk.GetVector(column).GetValue(row);
                    }

                    rows.Add(values);
                }
            }
        }

        return rows;
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
