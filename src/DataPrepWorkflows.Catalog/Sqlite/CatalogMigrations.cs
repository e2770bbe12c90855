using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Catalog.Sqlite;

/// <summary>
/// The catalog file's schema, as numbered migrations recorded in <c>schema_version</c>. Opening a file applies the
/// missing ones in order inside one transaction; a file from a newer product version is refused rather than damaged.
/// Never edit a released migration: add the next one.
/// </summary>
internal static class CatalogMigrations
{
    public static IReadOnlyList<(int Version, string Description, string Sql)> All { get; } =
    [
        (1, "databases, tables, table versions and partitions as Glue-shaped JSON documents", """
            CREATE TABLE databases (
                name TEXT NOT NULL PRIMARY KEY,
                document TEXT NOT NULL);
            CREATE TABLE tables (
                database_name TEXT NOT NULL REFERENCES databases(name) ON DELETE CASCADE,
                name TEXT NOT NULL,
                version_id INTEGER NOT NULL,
                document TEXT NOT NULL,
                PRIMARY KEY (database_name, name));
            CREATE TABLE table_versions (
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                version_id INTEGER NOT NULL,
                document TEXT NOT NULL,
                PRIMARY KEY (database_name, table_name, version_id),
                FOREIGN KEY (database_name, table_name) REFERENCES tables(database_name, name) ON DELETE CASCADE);
            CREATE TABLE partitions (
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                values_key TEXT NOT NULL,
                document TEXT NOT NULL,
                PRIMARY KEY (database_name, table_name, values_key),
                FOREIGN KEY (database_name, table_name) REFERENCES tables(database_name, name) ON DELETE CASCADE);
            """),
    ];

    public static int Latest => All[^1].Version;

    public static async Task ApplyAsync(SqliteConnection connection, string path, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS schema_version (
                    version INTEGER NOT NULL PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at TEXT NOT NULL);
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > Latest)
        {
            throw new CatalogException(
                CatalogErrorCodes.UnsupportedSchemaVersion,
                $"The catalog file '{path}' has schema version {current}, newer than this product's {Latest}; upgrade the product or point Catalog:Path at another file.");
        }

        foreach (var (version, description, sql) in All.Where(m => m.Version > current))
        {
            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = sql;
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $at)";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$description", description);
            record.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return (long)(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
