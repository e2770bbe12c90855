using System.Data.Common;
using System.Net.Sockets;
using DataPrepWorkflows.Persistence.Sql;

namespace DataPrepWorkflows.Persistence.Migrations;

/// <summary>
/// Brings a database to a schema version: each pending migration in its own transaction, recorded in
/// <c>schema_version</c>. Processes opening one database together are serialized (PostgreSQL: an advisory lock;
/// SQLite: <c>BEGIN IMMEDIATE</c> and a re-read of the version inside it), so each migration runs once.
/// </summary>
internal static class MigrationRunner
{
    private const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
        """;

    /// <summary>Applies every migration up to <paramref name="targetVersion"/>; returns the version the database is at.</summary>
    public static async Task<int> ApplyAsync(SqlDatabase database, int targetVersion, CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or SocketException or IOException or TimeoutException)
        {
            throw new PersistenceException("DPS002", $"Cannot reach the {database.Describe}: {e.Message}. Check Persistence settings and that the database is running.", e);
        }

        await using (connection)
        {
            await database.EnterMigrationAsync(connection, cancellationToken);
            try
            {
                await connection.Command(VersionTable).RunAsync(cancellationToken);
                var current = await CurrentVersionAsync(connection, null, cancellationToken);
                RefuseNewer(database, current);
                foreach (var migration in MigrationHistory.All.Where(m => m.Version > current && m.Version <= targetVersion))
                {
                    await ApplyOneAsync(database, connection, migration, cancellationToken);
                }

                return await CurrentVersionAsync(connection, null, cancellationToken);
            }
            finally
            {
                await database.ExitMigrationAsync(connection, CancellationToken.None);
            }
        }
    }

    public static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction).ScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    private static void RefuseNewer(SqlDatabase database, int current)
    {
        if (current > MigrationHistory.LatestVersion)
        {
            throw new PersistenceException(
                "DPS003",
                $"The {database.Describe} is at schema version {current}, newer than this build knows (version {MigrationHistory.LatestVersion}). Run a build that knows version {current} or later; this one will not touch the database.");
        }
    }

    private static async Task ApplyOneAsync(SqlDatabase database, DbConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        RefuseNewer(database, current);
        if (current >= migration.Version)
        {
            return;
        }

        try
        {
            await connection.Command(database.ScriptOf(migration), transaction).RunAsync(cancellationToken);
            await connection.Command("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)", transaction)
                .With("@version", migration.Version)
                .With("@name", migration.Name)
                .With("@at", database.Clock.GetUtcNow())
                .RunAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new PersistenceException(
                "DPS004",
                $"Migrating the {database.Describe} to schema version {migration.Version} ({migration.Name}) failed: {e.Message}. Nothing of that version was applied; the database stays at version {current}.",
                e);
        }
    }
}
