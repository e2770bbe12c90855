using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Tests.DuckDb;

public sealed class ConnectionTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public ConnectionTests() => _connection = _database.Connect();

    [Fact]
    public void LibraryVersion_IsThePinnedRelease()
    {
        Assert.StartsWith("v1.4.", DuckDbDatabase.LibraryVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_BadSql_ThrowsWithDuckDbParserMessage()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Query("SELEC 1"));

        Assert.Contains("Parser Error", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELEC", error.Message, StringComparison.Ordinal);
        Assert.Equal(DuckDbErrorKind.Parser, error.Kind);
    }

    [Fact]
    public void Query_UnknownTable_ThrowsCatalogError()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("SELECT * FROM no_such_table"));

        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Equal(DuckDbErrorKind.Catalog, error.Kind);
    }

    [Fact]
    public void Query_BadCast_ThrowsConversionError()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Execute("SELECT CAST('abc' AS INTEGER)"));

        Assert.Equal(DuckDbErrorKind.Conversion, error.Kind);
        Assert.Contains("abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_Insert_ReturnsRowsChanged()
    {
        _connection.Execute("CREATE TABLE t (i INTEGER)");

        Assert.Equal(3, _connection.Execute("INSERT INTO t VALUES (1), (2), (3)"));
        Assert.Equal(2, _connection.Execute("DELETE FROM t WHERE i > 1"));
    }

    [Fact]
    public void Query_ManyRows_ArriveInSeveralChunksAsTypedSpans()
    {
        using var result = _connection.Query(
            "SELECT i::BIGINT AS id, (i * 0.5)::DOUBLE AS half, CASE WHEN i % 7 = 0 THEN NULL ELSE 'row ' || i END AS label FROM range(10000) t(i)");

        long sum = 0, nulls = 0, rows = 0, chunks = 0;
        double halves = 0;
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                chunks++;
                var ids = chunk.GetVector(0).GetData<long>();
                var half = chunk.GetVector(1).GetData<double>();
                var labels = chunk.GetVector(2);
                for (var row = 0; row < chunk.RowCount; row++)
                {
                    sum += ids[row];
                    halves += half[row];
                    if (labels.IsNull(row))
                    {
                        nulls++;
                    }
                    else
                    {
                        Assert.Equal("row " + ids[row], labels.GetString(row));
                    }
                }

                rows += chunk.RowCount;
            }
        }

        Assert.Equal(10000, rows);
        Assert.True(chunks >= 5, $"expected several chunks, got {chunks}");
        Assert.Equal(49_995_000, sum);
        Assert.Equal(24_997_500, halves);
        Assert.Equal(1429, nulls);
    }

    [Fact]
    public void GetData_WrongWidth_ThrowsClearMessage()
    {
        using var result = _connection.Query("SELECT 1::INTEGER");
        using var chunk = result.FetchChunk()!;

        var error = Assert.Throws<InvalidOperationException>(() => chunk.GetVector(0).GetData<long>().Length);
        Assert.Contains("INTEGER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_DecimalStorage_IsReadableAsSpan()
    {
        using var result = _connection.Query("SELECT CAST(12.5 AS DECIMAL(9,2)), CAST(1.25 AS DECIMAL(18,2))");
        using var chunk = result.FetchChunk()!;

        Assert.Equal(1250, chunk.GetVector(0).GetData<int>()[0]);
        Assert.Equal(125L, chunk.GetVector(1).GetData<long>()[0]);
    }

    [Fact]
    public void Execute_CancelledToken_InterruptsLongQuery()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _connection.Execute("SELECT count(*) FROM range(1000000000)", cancellation.Token));
    }

    [Fact]
    public void Open_FileDatabase_PersistsTables()
    {
        var folder = Directory.CreateTempSubdirectory("dataplane-db-");
        try
        {
            var file = Path.Combine(folder.FullName, "state.duckdb");
            using (var database = DuckDbDatabase.Open(file))
            using (var connection = database.Connect())
            {
                connection.Execute("CREATE TABLE kept AS SELECT 42 AS answer");
            }

            using (var database = DuckDbDatabase.Open(file))
            using (var connection = database.Connect())
            {
                Assert.Equal(42, connection.ExecuteScalar("SELECT answer FROM kept"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Open_BadSetting_ThrowsNamingIt()
    {
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(null, new Dictionary<string, string> { ["no_such_setting"] = "1" }));

        Assert.Contains("no_such_setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connections_UsedConcurrently_EachSeeSharedTables()
    {
        _connection.Execute("CREATE TABLE shared AS SELECT i FROM range(100000) t(i)");

        var sums = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(worker =>
        {
            using var connection = _database.Connect();
            long total = 0;
            for (var i = 0; i < 20; i++)
            {
                total += Convert.ToInt64(connection.ExecuteScalar($"SELECT (sum(i) + {worker})::BIGINT FROM shared"), System.Globalization.CultureInfo.InvariantCulture);
            }

            return total;
        }).ToArray();

        Assert.Equal(
            Enumerable.Range(0, 4).Select(w => 20 * (4_999_950_000L + w)).Order(),
            sums.Order());
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }
}
