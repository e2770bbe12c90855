namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>How many bytes one entry of a type occupies in a vector.</summary>
internal static class DuckDbStorage
{
    public static int FixedSize(DuckDbLogicalType type) => type.Id switch
    {
        DuckDbType.Boolean or DuckDbType.TinyInt or DuckDbType.UTinyInt => 1,
        DuckDbType.SmallInt or DuckDbType.USmallInt => 2,
        DuckDbType.Integer or DuckDbType.UInteger or DuckDbType.Float or DuckDbType.Date => 4,
        DuckDbType.BigInt or DuckDbType.UBigInt or DuckDbType.Double or DuckDbType.Time or DuckDbType.TimeTz
            or DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
            or DuckDbType.TimestampTz => 8,
        DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Uuid or DuckDbType.Interval => 16,
        DuckDbType.Decimal or DuckDbType.Enum => FixedSize(new DuckDbLogicalType(type.InternalType)),
        _ => 0,
    };
}
