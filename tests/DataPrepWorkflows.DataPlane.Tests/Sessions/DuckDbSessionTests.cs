using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.DataPlane.Tests.Sessions;

public sealed class DuckDbSessionTests
{
    [Fact]
    public async Task ConcurrentCalls_OnOneSession_AreSerialisedAndAllSucceed()
    {
        using var session = DuckDbSession.Open(new DuckDbSessionOptions { Threads = 2, MemoryLimit = "1GB" });
        await session.ExecuteAsync("CREATE TABLE counter (n BIGINT)");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => session.ExecuteAsync($"INSERT INTO counter VALUES ({i})")));
        var total = await session.QueryAsync("SELECT count(*), sum(n)::BIGINT FROM counter");

        Assert.Equal(new object?[] { 40L, 780L }, Assert.Single(total.Rows));
    }

    [Fact]
    public async Task ExecuteAsync_BadSql_ThrowsDuckDbMessage()
    {
        using var session = DuckDbSession.Open();

        var error = await Assert.ThrowsAsync<DuckDbException>(() => session.ExecuteAsync("CREATE TABLE"));

        Assert.Equal(DuckDbErrorKind.Parser, error.Kind);
    }

    [Fact]
    public async Task RunAsync_ReadsChunksThroughTheSessionConnection()
    {
        using var session = DuckDbSession.Open();

        var sum = await session.RunAsync((connection, ct) =>
        {
            long total = 0;
            using var result = connection.QueryStreaming("SELECT i FROM range(5000) t(i)", ct);
            while (result.FetchChunk() is { } chunk)
            {
                using (chunk)
                {
                    foreach (var value in chunk.GetVector(0).GetData<long>())
                    {
                        total += value;
                    }
                }
            }

            return total;
        });

        Assert.Equal(12_497_500L, sum);
    }

    [Fact]
    public async Task Open_FileDatabase_KeepsMaterializedTables()
    {
        using var folder = new TempFolder();
        var file = folder.PathOf("session.duckdb");
        using (var session = DuckDbSession.Open(new DuckDbSessionOptions { DatabasePath = file }))
        {
            await session.MaterializeAsync("kept", session.Sql("SELECT 7 AS n"));
        }

        using var reopened = DuckDbSession.Open(new DuckDbSessionOptions { DatabasePath = file });
        Assert.Equal(1, await reopened.Table("kept").CountAsync());
    }
}
