using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>A block of rows of a result, column by column. Vectors read from it are valid until it is disposed.</summary>
public sealed class DuckDbDataChunk : IDisposable
{
    private readonly DataChunkHandle _handle;
    private readonly IReadOnlyList<DuckDbColumn> _columns;

    internal DuckDbDataChunk(DataChunkHandle handle, IReadOnlyList<DuckDbColumn> columns, int rowCount)
    {
        _handle = handle;
        _columns = columns;
        RowCount = rowCount;
    }

    /// <summary>Rows in this chunk.</summary>
    public int RowCount { get; }

    /// <summary>Columns in this chunk.</summary>
    public int ColumnCount => _columns.Count;

    /// <summary>The vector of column <paramref name="column"/> (0-based).</summary>
    /// <param name="column">The column index.</param>
    /// <returns>A view over DuckDB's memory for this column.</returns>
    public DuckDbVector GetVector(int column)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _columns.Count);
        var vector = NativeMethods.duckdb_data_chunk_get_vector(_handle.DangerousGetHandle(), (ulong)column);
        return new DuckDbVector(vector, _columns[column].Type, RowCount);
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
