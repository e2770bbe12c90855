using System.Text;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>Boxes one vector entry as a CLR value; the convenience path, not the hot one.</summary>
internal static unsafe class DuckDbValueReader
{
    public static object? Read(DuckDbVector vector, int row)
    {
        var data = vector.Data;
        var type = vector.Type;
        return type.Id switch
        {
            DuckDbType.Boolean => data[row] != 0,
            DuckDbType.TinyInt => ((sbyte*)data)[row],
            DuckDbType.SmallInt => ((short*)data)[row],
            DuckDbType.Integer => ((int*)data)[row],
            DuckDbType.BigInt => ((long*)data)[row],
            DuckDbType.UTinyInt => data[row],
            DuckDbType.USmallInt => ((ushort*)data)[row],
            DuckDbType.UInteger => ((uint*)data)[row],
            DuckDbType.UBigInt => ((ulong*)data)[row],
            DuckDbType.HugeInt => ReadInt128(data, row),
            DuckDbType.UHugeInt => new UInt128(((ulong*)data)[(row * 2) + 1], ((ulong*)data)[row * 2]),
            DuckDbType.Float => ((float*)data)[row],
            DuckDbType.Double => ((double*)data)[row],
            DuckDbType.Decimal => DuckDbConvert.ToDecimal(ReadUnscaled(data, type.InternalType, row), type.Scale),
            DuckDbType.Varchar => Encoding.UTF8.GetString(vector.GetBytes(row)),
            DuckDbType.Blob or DuckDbType.Bit or DuckDbType.BigNum => vector.GetBytes(row).ToArray(),
            DuckDbType.Date => DuckDbConvert.ToDate(((int*)data)[row]),
            DuckDbType.Time => DuckDbConvert.ToTime(((long*)data)[row]),
            DuckDbType.TimeTz => DuckDbConvert.ToTimeTz(((ulong*)data)[row]),
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs =>
                DuckDbConvert.ToTimestamp(((long*)data)[row], type.Id),
            DuckDbType.TimestampTz => DuckDbConvert.ToTimestamp(((long*)data)[row], type.Id, DateTimeKind.Utc),
            DuckDbType.Interval => ReadInterval(data, row),
            DuckDbType.Uuid => DuckDbConvert.ToGuid(((ulong*)data)[row * 2], ((long*)data)[(row * 2) + 1]),
            DuckDbType.Enum => type.EnumValues[(int)ReadUnscaled(data, type.InternalType, row)],
            DuckDbType.List or DuckDbType.Array => ReadList(vector, row),
            DuckDbType.Map => ReadMap(vector, row),
            DuckDbType.Struct => ReadStruct(vector, row),
            DuckDbType.Union => ReadUnion(vector, row),
            _ => throw new NotSupportedException($"Reading {type.ToSql()} values is not supported; cast the column to VARCHAR."),
        };
    }

    private static Int128 ReadInt128(byte* data, int row) =>
        new((ulong)((long*)data)[(row * 2) + 1], ((ulong*)data)[row * 2]);

    private static Int128 ReadUnscaled(byte* data, DuckDbType storage, int row) => storage switch
    {
        DuckDbType.SmallInt => ((short*)data)[row],
        DuckDbType.Integer => ((int*)data)[row],
        DuckDbType.BigInt => ((long*)data)[row],
        DuckDbType.HugeInt => ReadInt128(data, row),
        DuckDbType.UTinyInt => data[row],
        DuckDbType.USmallInt => ((ushort*)data)[row],
        DuckDbType.UInteger => ((uint*)data)[row],
        _ => throw new NotSupportedException($"Unexpected internal storage {storage}."),
    };

    private static DuckDbInterval ReadInterval(byte* data, int row)
    {
        var entry = data + (row * 16);
        return new DuckDbInterval(*(int*)entry, *(int*)(entry + 4), *(long*)(entry + 8));
    }

    private static object?[] ReadList(DuckDbVector vector, int row)
    {
        var (offset, length) = vector.GetListRange(row);
        var child = vector.GetChild();
        var items = new object?[length];
        for (var i = 0; i < length; i++)
        {
            items[i] = child.GetValue(offset + i);
        }

        return items;
    }

    private static List<KeyValuePair<object, object?>> ReadMap(DuckDbVector vector, int row)
    {
        var (offset, length) = vector.GetListRange(row);
        var entries = vector.GetChild();
        var keys = entries.GetField(0);
        var values = entries.GetField(1);
        var map = new List<KeyValuePair<object, object?>>(length);
        for (var i = 0; i < length; i++)
        {
            map.Add(new KeyValuePair<object, object?>(keys.GetValue(offset + i)!, values.GetValue(offset + i)));
        }

        return map;
    }

    private static Dictionary<string, object?> ReadStruct(DuckDbVector vector, int row)
    {
        var fields = new Dictionary<string, object?>(vector.Type.Fields.Count, StringComparer.Ordinal);
        for (var i = 0; i < vector.Type.Fields.Count; i++)
        {
            fields[vector.Type.Fields[i].Name] = vector.GetField(i).GetValue(row);
        }

        return fields;
    }

    private static object? ReadUnion(DuckDbVector vector, int row)
    {
        var tag = vector.GetField(0).Data[row];
        return vector.GetField(tag + 1).GetValue(row);
    }
}
