using DataPrepWorkflows.Persistence.Migrations;
using DataPrepWorkflows.Persistence.PostgreSql;
using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Persistence.Sqlite;

namespace DataPrepWorkflows.Persistence;

/// <summary>Opens the runtime store configured by <see cref="PersistenceOptions"/>.</summary>
public static class RuntimeStore
{
    /// <summary>
    /// Opens SQLite (the file and its folder are created when missing) or PostgreSQL (its own schema is created when
    /// missing), applies pending schema migrations and returns the store. Safe when several processes open one
    /// database at once.
    /// </summary>
    /// <exception cref="PersistenceException">
    /// <c>DPS001</c> unknown provider, <c>DPS002</c> database unreachable, <c>DPS003</c> database newer than this
    /// build, <c>DPS004</c> a migration failed, <c>DPS005</c> invalid configuration.
    /// </exception>
    public static async Task<IRuntimeStore> OpenAsync(PersistenceOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var database = Create(options, clock);
        try
        {
            await MigrationRunner.ApplyAsync(database, MigrationHistory.LatestVersion, cancellationToken);
            return new SqlRuntimeStore(database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    internal static SqlDatabase Create(PersistenceOptions options, TimeProvider clock)
    {
        var provider = (options.Provider ?? string.Empty).Trim().ToLowerInvariant();
        return provider switch
        {
            "sqlite" => SqliteDatabase.Create(options.SqlitePath, clock),
            "postgresql" or "postgres" => PostgreSqlDatabase.Create(options.ConnectionString, options.Schema, clock),
            _ => throw new PersistenceException(
                "DPS001",
                $"Persistence:Provider '{options.Provider}' is not known; use 'sqlite' (embedded default) or 'postgresql'."),
        };
    }
}
