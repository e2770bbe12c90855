using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Tests.DuckDb;

public sealed class StreamingTests
{
    [Fact]
    public void QueryStreaming_LargeResult_ArrivesChunkByChunk()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();

        long rows = 0, sum = 0;
        using (var result = connection.QueryStreaming("SELECT i FROM range(300000) t(i)"))
        {
            Assert.Equal("i", Assert.Single(result.Columns).Name);
            while (result.FetchChunk() is { } chunk)
            {
                using (chunk)
                {
                    foreach (var value in chunk.GetVector(0).GetData<long>())
                    {
                        sum += value;
                    }

                    rows += chunk.RowCount;
                }
            }
        }

        Assert.Equal(300_000, rows);
        Assert.Equal(44_999_850_000L, sum);
        Assert.Equal(1, database.LiveHandles);
    }

    [Fact]
    public void QueryStreaming_BadSql_ThrowsDuckDbMessage()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();

        var error = Assert.Throws<DuckDbException>(() => connection.QueryStreaming("SELECT nope FROM range(3)"));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, database.LiveHandles);
    }
}
