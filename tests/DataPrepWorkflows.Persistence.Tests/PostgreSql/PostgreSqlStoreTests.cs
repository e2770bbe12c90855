using DataPrepWorkflows.Persistence.Tests.Contract;
using DataPrepWorkflows.Persistence.Tests.Testing;
using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>The store contract on PostgreSQL: one database for the class, a fresh schema per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgreSqlFixture postgres) : StoreContract
{
    protected override Task<PersistenceOptions> NewDatabaseAsync() => postgres.FreshSchemaAsync(nameof(PostgreSqlStoreTests), "t_");

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
