using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Persistence.Tests.Contract;
using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>
/// The store contract on PostgreSQL with batches off: commits written statement by statement, the path a batch that
/// broke a constraint falls back to (the other PostgreSQL contract run sends every commit as one batch).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StatementByStatementCommitTests(PostgreSqlFixture postgres) : StoreContract
{
    protected override async Task<PersistenceOptions> NewDatabaseAsync() => new()
    {
        Provider = "postgresql",
        ConnectionString = await postgres.DatabaseAsync(nameof(PostgreSqlStoreTests)),
        Schema = "s_" + Guid.NewGuid().ToString("N")[..12],
    };

    protected override Task DeleteDatabaseAsync() => Task.CompletedTask;

    protected override IRuntimeStore Opened(IRuntimeStore store)
    {
        ((SqlRuntimeStore)store).Database.SendsBatches = false;
        return store;
    }
}
