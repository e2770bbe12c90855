using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Catalog.Sqlite;

/// <summary>Tables and their versions in the catalog file. Every stored definition is also kept as a version.</summary>
internal sealed class SqliteTables(CatalogFile file, Func<DateTimeOffset> now)
{
    public async Task<Table> CreateAsync(string databaseName, TableInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var database = CatalogName.Normalize(databaseName, "database");
        TableInputRules.Check(database, input);
        var time = now();
        var table = ToTable(database, input, time, time, 0);
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        _ = await SqliteDatabases.ReadAsync(connection, transaction, database, cancellationToken).ConfigureAwait(false)
            ?? throw CatalogErrors.DatabaseNotFound(database);
        if (await ReadAsync(connection, transaction, database, table.Name, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw CatalogErrors.TableExists(database, table.Name);
        }

        await connection.ExecuteAsync(
            "INSERT INTO tables (database_name, name, version_id, document) VALUES ($db, $name, 0, $document)",
            transaction,
            cancellationToken,
            ("$db", database),
            ("$name", table.Name),
            ("$document", GlueJson.Serialize(table))).ConfigureAwait(false);
        await ArchiveAsync(connection, transaction, table, 0, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return table;
    }

    public async Task<Table?> FindAsync(string databaseName, string name, CancellationToken cancellationToken)
    {
        var database = CatalogName.Normalize(databaseName, "database");
        var table = CatalogName.Normalize(name, "table");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, database, table, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Table> GetAsync(string databaseName, string name, CancellationToken cancellationToken)
    {
        var database = CatalogName.Normalize(databaseName, "database");
        var table = CatalogName.Normalize(name, "table");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await RequireAsync(connection, null, database, table, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Table>> ListAsync(string databaseName, CancellationToken cancellationToken)
    {
        var database = CatalogName.Normalize(databaseName, "database");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        _ = await SqliteDatabases.ReadAsync(connection, null, database, cancellationToken).ConfigureAwait(false)
            ?? throw CatalogErrors.DatabaseNotFound(database);
        var documents = await connection.TextColumnAsync(
            "SELECT document FROM tables WHERE database_name = $db ORDER BY name", null, cancellationToken, ("$db", database)).ConfigureAwait(false);
        return documents.Select(GlueJson.Deserialize<Table>).ToList();
    }

    public async Task<Table> UpdateAsync(string databaseName, TableInput input, TableUpdateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var database = CatalogName.Normalize(databaseName, "database");
        TableInputRules.Check(database, input);
        var name = CatalogName.Normalize(input.Name, "table");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await RequireAsync(connection, transaction, database, name, cancellationToken).ConfigureAwait(false);
        if (options.VersionId is not null && options.VersionId != current.VersionId)
        {
            throw new CatalogException(
                CatalogErrorCodes.ConcurrentModification,
                $"Table {database}.{name} is at version {current.VersionId}, not {options.VersionId}: someone else updated it. Read it again and reapply the change.");
        }

        var version = long.Parse(current.VersionId ?? "0", CultureInfo.InvariantCulture) + 1;
        var updated = ToTable(database, input, current.CreateTime ?? now(), now(), version);
        await connection.ExecuteAsync(
            "UPDATE tables SET version_id = $version, document = $document WHERE database_name = $db AND name = $name",
            transaction,
            cancellationToken,
            ("$db", database),
            ("$name", name),
            ("$version", version),
            ("$document", GlueJson.Serialize(updated))).ConfigureAwait(false);
        if (options.SkipArchive)
        {
            // The replaced definition is not kept: only the new one remains in the history.
            await connection.ExecuteAsync(
                "DELETE FROM table_versions WHERE database_name = $db AND table_name = $name AND version_id = $previous",
                transaction,
                cancellationToken,
                ("$db", database),
                ("$name", name),
                ("$previous", version - 1)).ConfigureAwait(false);
        }

        await ArchiveAsync(connection, transaction, updated, version, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task DeleteAsync(string databaseName, string name, CancellationToken cancellationToken)
    {
        var database = CatalogName.Normalize(databaseName, "database");
        var table = CatalogName.Normalize(name, "table");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await connection.ExecuteAsync(
            "DELETE FROM tables WHERE database_name = $db AND name = $name", null, cancellationToken, ("$db", database), ("$name", table)).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw await NotFoundAsync(connection, null, database, table, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<TableVersion>> VersionsAsync(string databaseName, string tableName, CancellationToken cancellationToken)
    {
        var database = CatalogName.Normalize(databaseName, "database");
        var table = CatalogName.Normalize(tableName, "table");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        _ = await RequireAsync(connection, null, database, table, cancellationToken).ConfigureAwait(false);
        var documents = await connection.TextColumnAsync(
            "SELECT document FROM table_versions WHERE database_name = $db AND table_name = $name ORDER BY version_id DESC",
            null,
            cancellationToken,
            ("$db", database),
            ("$name", table)).ConfigureAwait(false);
        return documents.Select(GlueJson.Deserialize<Table>).Select(t => new TableVersion { Table = t, VersionId = t.VersionId! }).ToList();
    }

    public async Task<TableVersion> VersionAsync(string databaseName, string tableName, string versionId, CancellationToken cancellationToken)
    {
        var database = CatalogName.Normalize(databaseName, "database");
        var table = CatalogName.Normalize(tableName, "table");
        if (!long.TryParse(versionId, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw CatalogErrors.Invalid($"Table version '{versionId}' is not a version id; version ids are whole numbers such as \"0\" or \"3\".");
        }

        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        _ = await RequireAsync(connection, null, database, table, cancellationToken).ConfigureAwait(false);
        var document = await connection.ScalarTextAsync(
            "SELECT document FROM table_versions WHERE database_name = $db AND table_name = $name AND version_id = $version",
            null,
            cancellationToken,
            ("$db", database),
            ("$name", table),
            ("$version", version)).ConfigureAwait(false)
            ?? throw CatalogErrors.VersionNotFound(database, table, versionId);
        var archived = GlueJson.Deserialize<Table>(document);
        return new TableVersion { Table = archived, VersionId = archived.VersionId! };
    }

    public static async Task<Table> RequireAsync(SqliteConnection connection, SqliteTransaction? transaction, string database, string table, CancellationToken cancellationToken) =>
        await ReadAsync(connection, transaction, database, table, cancellationToken).ConfigureAwait(false)
        ?? throw await NotFoundAsync(connection, transaction, database, table, cancellationToken).ConfigureAwait(false);

    private static async Task<Table?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string database, string table, CancellationToken cancellationToken)
    {
        var document = await connection.ScalarTextAsync(
            "SELECT document FROM tables WHERE database_name = $db AND name = $name",
            transaction,
            cancellationToken,
            ("$db", database),
            ("$name", table)).ConfigureAwait(false);
        return document is null ? null : GlueJson.Deserialize<Table>(document);
    }

    private static async Task<CatalogException> NotFoundAsync(SqliteConnection connection, SqliteTransaction? transaction, string database, string table, CancellationToken cancellationToken) =>
        await SqliteDatabases.ReadAsync(connection, transaction, database, cancellationToken).ConfigureAwait(false) is null
            ? CatalogErrors.DatabaseNotFound(database)
            : CatalogErrors.TableNotFound(database, table);

    private static async Task ArchiveAsync(SqliteConnection connection, SqliteTransaction transaction, Table table, long version, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            "INSERT INTO table_versions (database_name, table_name, version_id, document) VALUES ($db, $name, $version, $document)",
            transaction,
            cancellationToken,
            ("$db", table.DatabaseName!),
            ("$name", table.Name),
            ("$version", version),
            ("$document", GlueJson.Serialize(table))).ConfigureAwait(false);

    private static Table ToTable(string database, TableInput input, DateTimeOffset createTime, DateTimeOffset updateTime, long version) => new()
    {
        Name = CatalogName.Normalize(input.Name, "table"),
        DatabaseName = database,
        Description = input.Description,
        Owner = input.Owner,
        CreateTime = createTime,
        UpdateTime = updateTime,
        LastAccessTime = input.LastAccessTime,
        LastAnalyzedTime = input.LastAnalyzedTime,
        Retention = input.Retention ?? 0,
        StorageDescriptor = ColumnNames.Fold(input.StorageDescriptor),
        PartitionKeys = ColumnNames.Fold(input.PartitionKeys) ?? [],
        ViewOriginalText = input.ViewOriginalText,
        ViewExpandedText = input.ViewExpandedText,
        TableType = input.TableType,
        Parameters = input.Parameters ?? new Dictionary<string, string>(),
        IsRegisteredWithLakeFormation = false,
        VersionId = version.ToString(CultureInfo.InvariantCulture),
    };
}
