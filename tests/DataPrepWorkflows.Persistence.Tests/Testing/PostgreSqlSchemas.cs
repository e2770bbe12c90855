using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Persistence.Tests.Testing;

/// <summary>Stores in a fresh schema of a test class's database on the shared cluster, so no two tests see each other's rows.</summary>
internal static class PostgreSqlSchemas
{
    /// <summary>Options for a new schema named <paramref name="prefix"/> and a random suffix in <paramref name="testClass"/>'s database.</summary>
    public static async Task<PersistenceOptions> FreshSchemaAsync(this PostgreSqlFixture postgres, string testClass, string prefix) => new()
    {
        Provider = "postgresql",
        ConnectionString = await postgres.DatabaseAsync(testClass),
        Schema = prefix + Guid.NewGuid().ToString("N")[..12],
    };

    /// <summary>A store opened (and migrated) in a new schema, see <see cref="FreshSchemaAsync"/>.</summary>
    public static async Task<IRuntimeStore> OpenFreshSchemaAsync(this PostgreSqlFixture postgres, string testClass, string prefix) =>
        await RuntimeStore.OpenAsync(await postgres.FreshSchemaAsync(testClass, prefix), TimeProvider.System, default);
}
