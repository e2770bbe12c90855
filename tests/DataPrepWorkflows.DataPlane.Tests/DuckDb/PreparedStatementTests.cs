using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Tests.DuckDb;

public sealed class PreparedStatementTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public PreparedStatementTests() => _connection = _database.Connect();

    [Fact]
    public void Bind_EveryParameterType_RoundTrips()
    {
        using var statement = _connection.Prepare("SELECT ?::BOOLEAN, ?::BIGINT, ?::DOUBLE, ?::VARCHAR, ?::DECIMAL(18,4), ?::DATE, ?::TIMESTAMP, ?::BLOB, ?::INTEGER");
        Assert.Equal(9, statement.ParameterCount);

        statement.Bind(1, true).Bind(2, -42L).Bind(3, 2.5).Bind(4, "ünïcode text over twelve bytes")
            .Bind(5, -1234.5678m).Bind(6, new DateOnly(2023, 12, 31)).Bind(7, new DateTime(2024, 1, 2, 3, 4, 5, 678))
            .Bind(8, [0, 1, 2]).BindNull(9);

        using var result = statement.Query();
        var row = Assert.Single(result.ReadAllRows());
        Assert.Equal(
            new object?[] { true, -42L, 2.5, "ünïcode text over twelve bytes", -1234.5678m, new DateOnly(2023, 12, 31), new DateTime(2024, 1, 2, 3, 4, 5, 678), new byte[] { 0, 1, 2 }, null },
            row);
    }

    [Fact]
    public void Execute_Rebound_InsertsEachBinding()
    {
        _connection.Execute("CREATE TABLE people (name VARCHAR, age BIGINT, score DECIMAL(5,2))");
        using var insert = _connection.Prepare("INSERT INTO people VALUES ($1, $2, $3)");
        for (var i = 0; i < 100; i++)
        {
            insert.BindValue(1, $"person {i}").BindValue(2, i).BindValue(3, i / 4m);
            Assert.Equal(1, insert.Execute());
        }

        Assert.Equal(1237.5m, _connection.ExecuteScalar("SELECT sum(score) FROM people"));
    }

    [Fact]
    public void Prepare_BadSql_ThrowsDuckDbMessage()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.Prepare("SELECT * FROM missing_table WHERE id = ?"));

        Assert.Contains("missing_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_IndexOutOfRange_ThrowsClearMessage()
    {
        using var statement = _connection.Prepare("SELECT ?::INTEGER");

        var error = Assert.Throws<DuckDbException>(() => statement.Bind(2, 1L));
        Assert.Contains("Parameter 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FailingAtRunTime_ThrowsDuckDbMessage()
    {
        using var statement = _connection.Prepare("SELECT CAST(? AS INTEGER)");
        statement.Bind(1, "not a number");

        var error = Assert.Throws<DuckDbException>(() => statement.Query());
        Assert.Contains("not a number", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }
}
