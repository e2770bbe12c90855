using System.Runtime.InteropServices;
using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// A DuckDB column type as a managed value: the type id plus whatever the id needs (decimal width and scale, list or
/// array element, struct fields, map key/value, enum values). Copied out of DuckDB once per result, so reading it
/// costs nothing per row.
/// </summary>
/// <param name="Id">The DuckDB type id.</param>
public sealed record DuckDbLogicalType(DuckDbType Id)
{
    /// <summary>Decimal width (total digits).</summary>
    public int Width { get; init; }

    /// <summary>Decimal scale (digits after the point).</summary>
    public int Scale { get; init; }

    /// <summary>How a decimal or enum is stored: SMALLINT/INTEGER/BIGINT/HUGEINT, or UTINYINT.. for enums.</summary>
    public DuckDbType InternalType { get; init; }

    /// <summary>Element type of a LIST or ARRAY.</summary>
    public DuckDbLogicalType? Element { get; init; }

    /// <summary>Fixed size of an ARRAY.</summary>
    public int ArraySize { get; init; }

    /// <summary>Fields of a STRUCT, or members of a UNION (after its tag).</summary>
    public IReadOnlyList<DuckDbField> Fields { get; init; } = [];

    /// <summary>Key type of a MAP.</summary>
    public DuckDbLogicalType? Key { get; init; }

    /// <summary>Value type of a MAP.</summary>
    public DuckDbLogicalType? Value { get; init; }

    /// <summary>Dictionary of an ENUM.</summary>
    public IReadOnlyList<string> EnumValues { get; init; } = [];

    /// <summary>The type in DuckDB's SQL spelling, e.g. <c>DECIMAL(18,3)</c> or <c>STRUCT("a" INTEGER)[]</c>.</summary>
    public string ToSql() => DuckDbTypeNames.ToSql(this);

    /// <inheritdoc />
    public override string ToString() => ToSql();

    /// <summary>Reads a native logical type and destroys it.</summary>
    internal static DuckDbLogicalType FromNativeAndDestroy(nint native)
    {
        try
        {
            return FromNative(native);
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(ref native);
        }
    }

    private static DuckDbLogicalType FromNative(nint native)
    {
        var id = NativeMethods.duckdb_get_type_id(native);
        return id switch
        {
            DuckDbType.Decimal => new DuckDbLogicalType(id)
            {
                Width = NativeMethods.duckdb_decimal_width(native),
                Scale = NativeMethods.duckdb_decimal_scale(native),
                InternalType = NativeMethods.duckdb_decimal_internal_type(native),
            },
            DuckDbType.Enum => new DuckDbLogicalType(id)
            {
                InternalType = NativeMethods.duckdb_enum_internal_type(native),
                EnumValues = ReadEnumValues(native),
            },
            DuckDbType.List => new DuckDbLogicalType(id)
            {
                Element = FromNativeAndDestroy(NativeMethods.duckdb_list_type_child_type(native)),
            },
            DuckDbType.Array => new DuckDbLogicalType(id)
            {
                Element = FromNativeAndDestroy(NativeMethods.duckdb_array_type_child_type(native)),
                ArraySize = checked((int)NativeMethods.duckdb_array_type_array_size(native)),
            },
            DuckDbType.Map => new DuckDbLogicalType(id)
            {
                Key = FromNativeAndDestroy(NativeMethods.duckdb_map_type_key_type(native)),
                Value = FromNativeAndDestroy(NativeMethods.duckdb_map_type_value_type(native)),
            },
            DuckDbType.Struct => new DuckDbLogicalType(id) { Fields = ReadStructFields(native) },
            DuckDbType.Union => new DuckDbLogicalType(id) { Fields = ReadUnionMembers(native) },
            _ => new DuckDbLogicalType(id),
        };
    }

    private static DuckDbField[] ReadStructFields(nint native)
    {
        var count = (int)NativeMethods.duckdb_struct_type_child_count(native);
        var fields = new DuckDbField[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = new DuckDbField(
                TakeString(NativeMethods.duckdb_struct_type_child_name(native, (ulong)i)),
                FromNativeAndDestroy(NativeMethods.duckdb_struct_type_child_type(native, (ulong)i)));
        }

        return fields;
    }

    private static DuckDbField[] ReadUnionMembers(nint native)
    {
        var count = (int)NativeMethods.duckdb_union_type_member_count(native);
        var fields = new DuckDbField[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = new DuckDbField(
                TakeString(NativeMethods.duckdb_union_type_member_name(native, (ulong)i)),
                FromNativeAndDestroy(NativeMethods.duckdb_union_type_member_type(native, (ulong)i)));
        }

        return fields;
    }

    private static string[] ReadEnumValues(nint native)
    {
        var count = NativeMethods.duckdb_enum_dictionary_size(native);
        var values = new string[count];
        for (var i = 0u; i < count; i++)
        {
            values[i] = TakeString(NativeMethods.duckdb_enum_dictionary_value(native, i));
        }

        return values;
    }

    // DuckDB allocates these names for the caller, who frees them with duckdb_free.
    private static string TakeString(nint pointer)
    {
        try
        {
            return Marshal.PtrToStringUTF8(pointer) ?? string.Empty;
        }
        finally
        {
            NativeMethods.duckdb_free(pointer);
        }
    }
}

/// <summary>A named field of a STRUCT (or member of a UNION).</summary>
/// <param name="Name">The field name.</param>
/// <param name="Type">The field type.</param>
public sealed record DuckDbField(string Name, DuckDbLogicalType Type);
