using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Tests.DuckDb;

public sealed class TypeRoundTripTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public TypeRoundTripTests() => _connection = _database.Connect();

    public static TheoryData<string, DuckDbType, object> Literals() => new()
    {
        { "TRUE", DuckDbType.Boolean, true },
        { "CAST(-7 AS TINYINT)", DuckDbType.TinyInt, (sbyte)-7 },
        { "CAST(-300 AS SMALLINT)", DuckDbType.SmallInt, (short)-300 },
        { "CAST(-70000 AS INTEGER)", DuckDbType.Integer, -70000 },
        { "CAST(-9000000000 AS BIGINT)", DuckDbType.BigInt, -9_000_000_000L },
        { "CAST(-170141183460469231731687303715884105727 AS HUGEINT)", DuckDbType.HugeInt, Int128.Parse("-170141183460469231731687303715884105727", System.Globalization.CultureInfo.InvariantCulture) },
        { "CAST(250 AS UTINYINT)", DuckDbType.UTinyInt, (byte)250 },
        { "CAST(65000 AS USMALLINT)", DuckDbType.USmallInt, (ushort)65000 },
        { "CAST(4000000000 AS UINTEGER)", DuckDbType.UInteger, 4_000_000_000u },
        { "CAST(18000000000000000000 AS UBIGINT)", DuckDbType.UBigInt, 18_000_000_000_000_000_000UL },
        { "CAST(340282366920938463463374607431768211455 AS UHUGEINT)", DuckDbType.UHugeInt, UInt128.MaxValue },
        { "CAST(1.5 AS FLOAT)", DuckDbType.Float, 1.5f },
        { "CAST(-2.25 AS DOUBLE)", DuckDbType.Double, -2.25d },
        { "CAST(-12.34 AS DECIMAL(4,2))", DuckDbType.Decimal, -12.34m },
        { "CAST(123456.789 AS DECIMAL(9,3))", DuckDbType.Decimal, 123456.789m },
        { "CAST(-123456789012345.678 AS DECIMAL(18,3))", DuckDbType.Decimal, -123456789012345.678m },
        { "CAST('12345678901234567890123.45678' AS DECIMAL(38,5))", DuckDbType.Decimal, 12345678901234567890123.45678m },
        { "'short'", DuckDbType.Varchar, "short" },
        { "'a string longer than twelve bytes, with ünïcödé'", DuckDbType.Varchar, "a string longer than twelve bytes, with ünïcödé" },
        { "'\\x01\\x02\\xFF'::BLOB", DuckDbType.Blob, new byte[] { 1, 2, 255 } },
        { "DATE '2024-02-29'", DuckDbType.Date, new DateOnly(2024, 2, 29) },
        { "DATE '1901-01-01'", DuckDbType.Date, new DateOnly(1901, 1, 1) },
        { "TIME '13:45:01.123456'", DuckDbType.Time, new TimeOnly(13, 45, 1).Add(TimeSpan.FromTicks(1_234_560)) },
        { "TIMESTAMP '2024-03-01 10:20:30.123456'", DuckDbType.Timestamp, new DateTime(2024, 3, 1, 10, 20, 30).AddTicks(1_234_560) },
        { "TIMESTAMP_S '2024-03-01 10:20:30'", DuckDbType.TimestampS, new DateTime(2024, 3, 1, 10, 20, 30) },
        { "TIMESTAMP_MS '2024-03-01 10:20:30.123'", DuckDbType.TimestampMs, new DateTime(2024, 3, 1, 10, 20, 30, 123) },
        { "TIMESTAMP_NS '2024-03-01 10:20:30.1234567'", DuckDbType.TimestampNs, new DateTime(2024, 3, 1, 10, 20, 30).AddTicks(1_234_567) },
        { "INTERVAL '1 year 2 months 3 days 04:05:06'", DuckDbType.Interval, new DuckDbInterval(14, 3, ((4 * 3600) + (5 * 60) + 6) * 1_000_000L) },
        { "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID", DuckDbType.Uuid, Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11") },
        { "'01234567-89ab-cdef-0123-456789abcdef'::UUID", DuckDbType.Uuid, Guid.Parse("01234567-89ab-cdef-0123-456789abcdef") },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Select_Literal_ReadsTypedValue(string literal, DuckDbType type, object expected)
    {
        using var result = _connection.Query($"SELECT {literal} AS v, CAST(NULL AS {SqlTypeOf(literal)}) AS n");

        Assert.Equal(type, result.Columns[0].Type.Id);
        var row = Assert.Single(result.ReadAllRows());
        Assert.Equal(expected, row[0]);
        Assert.Null(row[1]);
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void Appender_Value_RoundTrips(string literal, DuckDbType type, object expected)
    {
        _connection.Execute($"CREATE TABLE t AS SELECT {literal} AS v LIMIT 0");
        using (var appender = _connection.CreateAppender("t"))
        {
            AppendTyped(appender, expected);
            appender.EndRow();
            appender.AppendNull();
            appender.EndRow();
        }

        using var result = _connection.Query("SELECT v FROM t");
        var rows = result.ReadAllRows();
        // The appender takes timestamps in microseconds, DuckDB's default unit.
        Assert.Equal(type == DuckDbType.TimestampNs ? ((DateTime)expected).AddTicks(-7) : expected, rows[0][0]);
        Assert.Null(rows[1][0]);
    }

    [Fact]
    public void Select_TimestampWithTimeZone_IsUtc()
    {
        _connection.Execute("SET TimeZone = 'UTC'");
        var value = _connection.ExecuteScalar("SELECT TIMESTAMPTZ '2024-03-01 10:20:30+02'");

        var timestamp = Assert.IsType<DateTime>(value);
        Assert.Equal(new DateTime(2024, 3, 1, 8, 20, 30, DateTimeKind.Utc), timestamp);
        Assert.Equal(DateTimeKind.Utc, timestamp.Kind);
    }

    [Fact]
    public void Select_TimeWithTimeZone_ReadsAsText()
    {
        Assert.Equal("13:45:01+02:30", _connection.ExecuteScalar("SELECT TIMETZ '13:45:01+02:30'"));
    }

    [Fact]
    public void Select_ListStructMapEnum_ReadNatively()
    {
        _connection.Execute("CREATE TYPE mood AS ENUM ('sad', 'happy')");
        using var result = _connection.Query(
            "SELECT [1, NULL, 3] AS l, {'name': 'ada', 'tags': ['x', 'y']} AS s, MAP {'k1': 10, 'k2': NULL} AS m, " +
            "'happy'::mood AS e, [[1, 2], []] AS nested, [1.5, 2.5]::DOUBLE[2] AS a, [] :: INTEGER[] AS empty");

        var row = Assert.Single(result.ReadAllRows());
        Assert.Equal(new object?[] { 1, null, 3 }, row[0]);
        var structure = Assert.IsType<Dictionary<string, object?>>(row[1]);
        Assert.Equal("ada", structure["name"]);
        Assert.Equal(new object?[] { "x", "y" }, structure["tags"]);
        var map = Assert.IsType<List<KeyValuePair<object, object?>>>(row[2]);
        Assert.Equal([new("k1", 10), new("k2", null)], map);
        Assert.Equal("happy", row[3]);
        Assert.Equal(new object?[] { new object?[] { 1, 2 }, Array.Empty<object?>() }, row[4]);
        Assert.Equal(new object?[] { 1.5, 2.5 }, row[5]);
        Assert.Equal(Array.Empty<object?>(), row[6]);
        Assert.Equal("INTEGER[]", result.Columns[0].Type.ToSql());
        Assert.Equal("STRUCT(\"name\" VARCHAR, \"tags\" VARCHAR[])", result.Columns[1].Type.ToSql());
        Assert.Equal("MAP(VARCHAR, INTEGER)", result.Columns[2].Type.ToSql());
        Assert.Equal("DOUBLE[2]", result.Columns[5].Type.ToSql());
    }

    [Fact]
    public void Appender_NestedValuesAsText_AreCastToColumnType()
    {
        _connection.Execute("CREATE TABLE n (l INTEGER[], s STRUCT(a INTEGER, b VARCHAR), m MAP(VARCHAR, DOUBLE))");
        using (var appender = _connection.CreateAppender("n"))
        {
            appender.AppendText("[1, 2, 3]").AppendText("{'a': 5, 'b': 'x'}").AppendText("{k=1.5}").EndRow();
        }

        var row = Assert.Single(_connection.Query("SELECT * FROM n").ReadAllRows());
        Assert.Equal(new object?[] { 1, 2, 3 }, row[0]);
        Assert.Equal(5, ((Dictionary<string, object?>)row[1]!)["a"]);
        Assert.Equal([new("k", 1.5)], (List<KeyValuePair<object, object?>>)row[2]!);
    }

    [Fact]
    public void Select_StructAndListCastToVarchar_ReadAsDuckDbText()
    {
        Assert.Equal("{'a': 1, 'b': [x, y]}", _connection.ExecuteScalar("SELECT CAST({'a': 1, 'b': ['x', 'y']} AS VARCHAR)"));
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    private static string SqlTypeOf(string literal) => literal switch
    {
        "TRUE" => "BOOLEAN",
        _ when literal.StartsWith("CAST(", StringComparison.Ordinal) => literal[(literal.LastIndexOf(" AS ", StringComparison.Ordinal) + 4)..^1],
        _ when literal.StartsWith('\'') && literal.EndsWith("::BLOB", StringComparison.Ordinal) => "BLOB",
        _ when literal.EndsWith("::UUID", StringComparison.Ordinal) => "UUID",
        _ when literal.StartsWith('\'') => "VARCHAR",
        _ => literal[..literal.IndexOf(' ', StringComparison.Ordinal)],
    };

    private static void AppendTyped(DuckDbAppender appender, object value)
    {
        switch (value)
        {
            case bool v: appender.Append(v); break;
            case sbyte v: appender.Append(v); break;
            case short v: appender.Append(v); break;
            case int v: appender.Append(v); break;
            case long v: appender.Append(v); break;
            case Int128 v: appender.Append(v); break;
            case byte v: appender.Append(v); break;
            case ushort v: appender.Append(v); break;
            case uint v: appender.Append(v); break;
            case ulong v: appender.Append(v); break;
            case UInt128 v: appender.Append(v); break;
            case float v: appender.Append(v); break;
            case double v: appender.Append(v); break;
            case decimal v: appender.Append(v); break;
            case string v: appender.Append(v); break;
            case byte[] v: appender.Append(v); break;
            case DateOnly v: appender.Append(v); break;
            case TimeOnly v: appender.Append(v); break;
            case DateTime v: appender.Append(v); break;
            case DuckDbInterval v: appender.Append(v); break;
            case Guid v: appender.Append(v); break;
            default: throw new ArgumentException(value.GetType().Name);
        }
    }
}
