using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Tests.DuckDb;

public sealed class InterruptTests
{
    [Fact]
    public async Task Cancel_DuringLongQuery_InterruptsIt()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200), TimeProvider.System);

        // Would run for many minutes; only DuckDB's interrupt ends it early.
        var query = Task.Run(() => connection.Execute("SELECT sum(i) FROM range(1000000000000) t(i)", cancellation.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.Equal(1L, connection.ExecuteScalar("SELECT 1::BIGINT"));
    }
}
