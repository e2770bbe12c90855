using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Tests.DuckDb;

public sealed class HandleReleaseTests
{
    [Fact]
    public void ThousandsOfQueriesStatementsAndAppenders_ReleaseEveryHandle()
    {
        using var database = DuckDbDatabase.Open();
        using (var connection = database.Connect())
        {
            connection.Execute("CREATE TABLE t (i BIGINT, s VARCHAR)");
            Assert.Equal(1, database.LiveHandles);

            for (var i = 0; i < 2000; i++)
            {
                using (var result = connection.Query($"SELECT {i} AS i, 'text {i}' AS s"))
                using (var chunk = result.FetchChunk())
                {
                    Assert.Equal((long)i, Convert.ToInt64(chunk!.GetVector(0).GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
                }

                using (var statement = connection.Prepare("SELECT ?::BIGINT + 1, ?::VARCHAR"))
                using (var selected = statement.Bind(1, (long)i).Bind(2, "x").Query())
                {
                    Assert.Equal(i + 1L, Assert.Single(selected.ReadAllRows())[0]);
                }

                Assert.Throws<DuckDbException>(() => connection.Query("SELECT * FROM missing"));
                Assert.Throws<DuckDbException>(() => connection.Prepare("SELEC"));
            }

            for (var i = 0; i < 200; i++)
            {
                using var appender = connection.CreateAppender("t");
                appender.Append((long)i).Append("appended").EndRow();
            }

            Assert.Equal(1, database.LiveHandles);
            Assert.Equal(200L, connection.ExecuteScalar("SELECT count(*) FROM t"));
        }

        Assert.Equal(0, database.LiveHandles);
    }

    [Fact]
    public void UndisposedResults_AreReleasedByTheirFinalizers()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();

        LeakResults(connection, 500);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(1, database.LiveHandles);
    }

    [Fact]
    public void DisposedDatabase_StaysOpenUntilItsConnectionsAreDisposed()
    {
        var database = DuckDbDatabase.Open();
        var connection = database.Connect();

        database.Dispose();

        Assert.Equal(1, connection.ExecuteScalar("SELECT 1"));
        connection.Dispose();
        Assert.Equal(0, database.LiveHandles);
    }

    private static void LeakResults(DuckDbConnection connection, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ = connection.Query("SELECT 1");
        }
    }
}
