using DataPrepWorkflows.Persistence.Tests.Contract;
using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>The store contract on PostgreSQL: one database for the class, a fresh schema per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgreSqlFixture postgres) : StoreContract
{
    protected override async Task<PersistenceOptions> NewDatabaseAsync() => new()
    {
        Provider = "postgresql",
        ConnectionString = await postgres.DatabaseAsync(nameof(PostgreSqlStoreTests)),
        Schema = "t_" + Guid.NewGuid().ToString("N")[..12],
    };

    protected override Task DeleteDatabaseAsync() => Task.CompletedTask;

    [Fact]
    public async Task OpenAsync_NothingListening_FailsWithDps002()
    {
        var options = Options with { ConnectionString = $"Host=127.0.0.1;Port={postgres.Cluster.Port + 1};Username=postgres;Timeout=2" };

        var error = await Assert.ThrowsAsync<PersistenceException>(() => RuntimeStore.OpenAsync(options, Clock, default));

        Assert.Equal("DPS002", error.Code);
    }

    [Fact]
    public async Task OpenAsync_MissingConnectionString_FailsWithDps005()
    {
        var error = await Assert.ThrowsAsync<PersistenceException>(() => RuntimeStore.OpenAsync(Options with { ConnectionString = null }, Clock, default));
        Assert.Equal("DPS005", error.Code);
    }
}
