using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Persistence.Tests.Contract;
using DataPrepWorkflows.Persistence.Tests.Testing;
using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>
/// The store contract on PostgreSQL with batches off: commits written statement by statement, the path a batch that
/// broke a constraint falls back to (the other PostgreSQL contract run sends every commit as one batch).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StatementByStatementCommitTests(PostgreSqlFixture postgres) : StoreContract
{
    protected override Task<PersistenceOptions> NewDatabaseAsync() => postgres.FreshSchemaAsync(nameof(PostgreSqlStoreTests), "s_");

    protected override Task DeleteDatabaseAsync() => Task.CompletedTask;

    protected override IRuntimeStore Opened(IRuntimeStore store)
    {
        ((SqlRuntimeStore)store).Database.SendsBatches = false;
        return store;
    }
}
