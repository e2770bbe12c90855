using System.Runtime.CompilerServices;
using System.Text;
using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// One column of a <see cref="DuckDbDataChunk"/>, read in place from DuckDB's memory: fixed-width values as a span,
/// strings through DuckDB's 16-byte string layout (inline up to 12 bytes, else a pointer), NULLs through the
/// validity mask. Only valid while its chunk is alive, hence a ref struct.
/// </summary>
public readonly unsafe ref struct DuckDbVector
{
    private readonly nint _vector;
    private readonly byte* _data;
    private readonly ulong* _validity;

    internal DuckDbVector(nint vector, DuckDbLogicalType type, int count)
    {
        _vector = vector;
        _data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
        Type = type;
        Count = count;
    }

    /// <summary>The column type.</summary>
    public DuckDbLogicalType Type { get; }

    /// <summary>Number of entries.</summary>
    public int Count { get; }

    /// <summary>Whether any entry may be NULL (DuckDB omits the mask when none is).</summary>
    public bool HasNulls => _validity is not null;

    /// <summary>Whether entry <paramref name="row"/> is NULL.</summary>
    /// <param name="row">The entry index.</param>
    /// <returns><see langword="true"/> for NULL.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int row) => _validity is not null && (_validity[row >> 6] & (1UL << (row & 63))) == 0;

    /// <summary>
    /// The raw values of a fixed-width column as a span over DuckDB's memory (no copy). <typeparamref name="T"/> must
    /// have the storage size of the type: e.g. <see cref="long"/> for BIGINT and TIMESTAMP, <see cref="int"/> for DATE
    /// and DECIMAL(9,x), <see cref="double"/> for DOUBLE, <see cref="byte"/> for BOOLEAN. NULL entries hold garbage.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <returns>The values.</returns>
    public ReadOnlySpan<T> GetData<T>()
        where T : unmanaged
    {
        var size = DuckDbStorage.FixedSize(Type);
        if (size != sizeof(T))
        {
            throw new InvalidOperationException(
                $"A {Type.ToSql()} column is stored as {size}-byte values; it cannot be read as {typeof(T).Name} ({sizeof(T)} bytes).");
        }

        return new ReadOnlySpan<T>(_data, Count);
    }

    /// <summary>The UTF-8 bytes of a VARCHAR entry (or the bytes of a BLOB entry), without copying.</summary>
    /// <param name="row">The entry index.</param>
    /// <returns>The bytes; empty for NULL.</returns>
    public ReadOnlySpan<byte> GetBytes(int row)
    {
        var entry = _data + (row * 16);
        var length = *(uint*)entry;
        return length <= 12
            ? new ReadOnlySpan<byte>(entry + 4, (int)length)
            : new ReadOnlySpan<byte>(*(byte**)(entry + 8), checked((int)length));
    }

    /// <summary>A VARCHAR entry as a string, or <see langword="null"/> for NULL.</summary>
    /// <param name="row">The entry index.</param>
    /// <returns>The text.</returns>
    public string? GetString(int row) => IsNull(row) ? null : Encoding.UTF8.GetString(GetBytes(row));

    /// <summary>The range of a LIST, ARRAY or MAP entry inside <see cref="GetChild"/>.</summary>
    /// <param name="row">The entry index.</param>
    /// <returns>Offset and length in the child vector.</returns>
    public (int Offset, int Length) GetListRange(int row)
    {
        if (Type.Id == DuckDbType.Array)
        {
            return (row * Type.ArraySize, Type.ArraySize);
        }

        var entry = ((NativeListEntry*)_data)[row];
        return (checked((int)entry.Offset), checked((int)entry.Length));
    }

    /// <summary>The element vector of a LIST, ARRAY or MAP (a MAP's elements are key/value structs).</summary>
    /// <returns>The child vector.</returns>
    public DuckDbVector GetChild() => Type.Id switch
    {
        DuckDbType.List => new DuckDbVector(
            NativeMethods.duckdb_list_vector_get_child(_vector), Type.Element!, checked((int)NativeMethods.duckdb_list_vector_get_size(_vector))),
        DuckDbType.Array => new DuckDbVector(
            NativeMethods.duckdb_array_vector_get_child(_vector), Type.Element!, Count * Type.ArraySize),
        DuckDbType.Map => new DuckDbVector(
            NativeMethods.duckdb_list_vector_get_child(_vector), MapEntryType(Type), checked((int)NativeMethods.duckdb_list_vector_get_size(_vector))),
        _ => throw new InvalidOperationException($"A {Type.ToSql()} column has no element vector."),
    };

    /// <summary>The vector of field <paramref name="index"/> of a STRUCT (for a UNION, index 0 is the tag).</summary>
    /// <param name="index">The field index.</param>
    /// <returns>The field vector.</returns>
    public DuckDbVector GetField(int index)
    {
        var type = Type.Id switch
        {
            DuckDbType.Struct => Type.Fields[index].Type,
            DuckDbType.Union => index == 0 ? new DuckDbLogicalType(DuckDbType.UTinyInt) : Type.Fields[index - 1].Type,
            _ => throw new InvalidOperationException($"A {Type.ToSql()} column has no fields."),
        };
        return new DuckDbVector(NativeMethods.duckdb_struct_vector_get_child(_vector, (ulong)index), type, Count);
    }

    /// <summary>
    /// Entry <paramref name="row"/> as a CLR value: bool, sbyte…long, byte…ulong, Int128/UInt128, float, double,
    /// decimal, string, byte[], DateOnly, TimeOnly, DateTime (UTC kind for TIMESTAMP WITH TIME ZONE),
    /// <see cref="DuckDbInterval"/>, Guid, <c>object?[]</c> for LIST/ARRAY, an ordered dictionary for STRUCT,
    /// a list of key/value pairs for MAP, the label for ENUM; <see langword="null"/> for NULL. Boxes: use
    /// <see cref="GetData{T}"/> on hot paths.
    /// </summary>
    /// <param name="row">The entry index.</param>
    /// <returns>The value.</returns>
    public object? GetValue(int row) => IsNull(row) ? null : DuckDbValueReader.Read(this, row);

    internal byte* Data => _data;

    private static DuckDbLogicalType MapEntryType(DuckDbLogicalType map) =>
        new(DuckDbType.Struct) { Fields = [new DuckDbField("key", map.Key!), new DuckDbField("value", map.Value!)] };
}
