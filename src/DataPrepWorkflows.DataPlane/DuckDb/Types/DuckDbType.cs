namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>DuckDB's type identifiers (<c>duckdb_type</c> in its C API); the numbers are DuckDB's own.</summary>
public enum DuckDbType
{
    /// <summary>No type.</summary>
    Invalid = 0,
    /// <summary>BOOLEAN.</summary>
    Boolean = 1,
    /// <summary>TINYINT (int8).</summary>
    TinyInt = 2,
    /// <summary>SMALLINT (int16).</summary>
    SmallInt = 3,
    /// <summary>INTEGER (int32).</summary>
    Integer = 4,
    /// <summary>BIGINT (int64).</summary>
    BigInt = 5,
    /// <summary>UTINYINT (uint8).</summary>
    UTinyInt = 6,
    /// <summary>USMALLINT (uint16).</summary>
    USmallInt = 7,
    /// <summary>UINTEGER (uint32).</summary>
    UInteger = 8,
    /// <summary>UBIGINT (uint64).</summary>
    UBigInt = 9,
    /// <summary>FLOAT (float32).</summary>
    Float = 10,
    /// <summary>DOUBLE (float64).</summary>
    Double = 11,
    /// <summary>TIMESTAMP, microseconds since the epoch.</summary>
    Timestamp = 12,
    /// <summary>DATE, days since the epoch.</summary>
    Date = 13,
    /// <summary>TIME, microseconds since midnight.</summary>
    Time = 14,
    /// <summary>INTERVAL (months, days, microseconds).</summary>
    Interval = 15,
    /// <summary>HUGEINT (int128).</summary>
    HugeInt = 16,
    /// <summary>VARCHAR (UTF-8 text).</summary>
    Varchar = 17,
    /// <summary>BLOB (bytes).</summary>
    Blob = 18,
    /// <summary>DECIMAL(width, scale).</summary>
    Decimal = 19,
    /// <summary>TIMESTAMP_S, seconds since the epoch.</summary>
    TimestampS = 20,
    /// <summary>TIMESTAMP_MS, milliseconds since the epoch.</summary>
    TimestampMs = 21,
    /// <summary>TIMESTAMP_NS, nanoseconds since the epoch.</summary>
    TimestampNs = 22,
    /// <summary>ENUM.</summary>
    Enum = 23,
    /// <summary>LIST (variable length).</summary>
    List = 24,
    /// <summary>STRUCT.</summary>
    Struct = 25,
    /// <summary>MAP.</summary>
    Map = 26,
    /// <summary>UUID.</summary>
    Uuid = 27,
    /// <summary>UNION.</summary>
    Union = 28,
    /// <summary>BIT string.</summary>
    Bit = 29,
    /// <summary>TIME WITH TIME ZONE.</summary>
    TimeTz = 30,
    /// <summary>TIMESTAMP WITH TIME ZONE, microseconds since the epoch in UTC.</summary>
    TimestampTz = 31,
    /// <summary>UHUGEINT (uint128).</summary>
    UHugeInt = 32,
    /// <summary>ARRAY (fixed length).</summary>
    Array = 33,
    /// <summary>ANY (functions only).</summary>
    Any = 34,
    /// <summary>BIGNUM (arbitrary precision integer).</summary>
    BigNum = 35,
    /// <summary>The type of a NULL literal.</summary>
    SqlNull = 36,
}
