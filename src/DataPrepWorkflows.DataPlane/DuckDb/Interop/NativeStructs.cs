using System.Runtime.InteropServices;

namespace DataPrepWorkflows.DataPlane.DuckDb.Interop;

// Layouts mirror duckdb.h of the pinned DuckDB version; all are blittable so the source generator passes them as-is.

/// <summary><c>duckdb_result</c>: only <c>internal_data</c> matters to the C API; the rest is deprecated.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeResult
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

/// <summary><c>duckdb_hugeint</c>: two's complement 128-bit integer split in halves.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeHugeInt
{
    public ulong Lower;
    public long Upper;

    public static NativeHugeInt From(Int128 value) =>
        new() { Lower = (ulong)(value & ulong.MaxValue), Upper = (long)(value >> 64) };
}

/// <summary><c>duckdb_uhugeint</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeUHugeInt
{
    public ulong Lower;
    public ulong Upper;

    public static NativeUHugeInt From(UInt128 value) =>
        new() { Lower = (ulong)(value & ulong.MaxValue), Upper = (ulong)(value >> 64) };
}

/// <summary><c>duckdb_decimal</c>: width and scale, then the unscaled value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDecimal
{
    public byte Width;
    public byte Scale;
    public NativeHugeInt Value;
}

/// <summary><c>duckdb_interval</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeInterval
{
    public int Months;
    public int Days;
    public long Micros;
}

/// <summary><c>duckdb_list_entry</c>: a slice of the list's child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct NativeListEntry
{
    public readonly ulong Offset;
    public readonly ulong Length;
}
