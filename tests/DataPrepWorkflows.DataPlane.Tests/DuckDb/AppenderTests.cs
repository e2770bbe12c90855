using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Tests.DuckDb;

public sealed class AppenderTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open();
    private readonly DuckDbConnection _connection;

    public AppenderTests() => _connection = _database.Connect();

    [Fact]
    public void Append_ManyRows_LoadsThemAll()
    {
        _connection.Execute("CREATE TABLE facts (id BIGINT, name VARCHAR, amount DECIMAL(12,2), day DATE, ok BOOLEAN)");
        using (var appender = _connection.CreateAppender("facts"))
        {
            Assert.Equal(5, appender.ColumnCount);
            for (var i = 0; i < 50_000; i++)
            {
                appender.Append((long)i).Append(i % 10 == 0 ? null : $"name {i}").Append(i / 100m)
                    .Append(new DateOnly(2024, 1, 1).AddDays(i % 365)).Append(i % 2 == 0);
                appender.EndRow();
            }
        }

        var row = Assert.Single(_connection.Query(
            "SELECT count(*), count(name), sum(amount), max(day), count(*) FILTER (WHERE ok) FROM facts").ReadAllRows());
        Assert.Equal(new object?[] { 50_000L, 45_000L, 12_499_750.00m, new DateOnly(2024, 12, 30), 25_000L }, row);
    }

    [Fact]
    public void Append_TooFewColumns_ThrowsDuckDbMessage()
    {
        _connection.Execute("CREATE TABLE pair (a INTEGER, b INTEGER)");
        using var appender = _connection.CreateAppender("pair");
        appender.Append(1);

        var error = Assert.Throws<DuckDbException>(appender.EndRow);
        Assert.Contains("column", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Append_TextThatDoesNotCast_ThrowsDuckDbMessage()
    {
        _connection.Execute("CREATE TABLE nums (n INTEGER[])");
        using var appender = _connection.CreateAppender("nums");

        var error = Assert.Throws<DuckDbException>(() => appender.AppendText("[1, two]"));
        Assert.Contains("two", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAppender_UnknownTable_ThrowsNamingIt()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.CreateAppender("missing_table"));

        Assert.Contains("missing_table", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _database.LiveHandles);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }
}
