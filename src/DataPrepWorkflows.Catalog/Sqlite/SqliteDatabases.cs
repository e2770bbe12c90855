using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Catalog.Sqlite;

/// <summary>Databases in the catalog file.</summary>
internal sealed class SqliteDatabases(CatalogFile file, Func<DateTimeOffset> now)
{
    public async Task<Database> CreateAsync(DatabaseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var database = ToDatabase(input, now());
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await ReadAsync(connection, transaction, database.Name, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw CatalogErrors.DatabaseExists(database.Name);
        }

        await connection.ExecuteAsync(
            "INSERT INTO databases (name, document) VALUES ($name, $document)",
            transaction,
            cancellationToken,
            ("$name", database.Name),
            ("$document", GlueJson.Serialize(database))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return database;
    }

    public async Task<Database?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = CatalogName.Normalize(name, "database");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, normalized, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Database>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        var documents = await connection.TextColumnAsync("SELECT document FROM databases ORDER BY name", null, cancellationToken).ConfigureAwait(false);
        return documents.Select(GlueJson.Deserialize<Database>).ToList();
    }

    public async Task<Database> UpdateAsync(string name, DatabaseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var normalized = CatalogName.Normalize(name, "database");
        if (CatalogName.Normalize(input.Name, "database") != normalized)
        {
            throw CatalogErrors.Invalid($"Database {normalized} cannot be renamed to {input.Name}; create a new database instead.");
        }

        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(connection, transaction, normalized, cancellationToken).ConfigureAwait(false)
            ?? throw CatalogErrors.DatabaseNotFound(normalized);
        var updated = ToDatabase(input, current.CreateTime ?? now());
        await connection.ExecuteAsync(
            "UPDATE databases SET document = $document WHERE name = $name",
            transaction,
            cancellationToken,
            ("$name", normalized),
            ("$document", GlueJson.Serialize(updated))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = CatalogName.Normalize(name, "database");
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await connection.ExecuteAsync("DELETE FROM databases WHERE name = $name", null, cancellationToken, ("$name", normalized)).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw CatalogErrors.DatabaseNotFound(normalized);
        }
    }

    public static async Task<Database?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        var document = await connection.ScalarTextAsync("SELECT document FROM databases WHERE name = $name", transaction, cancellationToken, ("$name", name)).ConfigureAwait(false);
        return document is null ? null : GlueJson.Deserialize<Database>(document);
    }

    private static Database ToDatabase(DatabaseInput input, DateTimeOffset createTime) => new()
    {
        Name = CatalogName.Normalize(input.Name, "database"),
        Description = input.Description,
        LocationUri = input.LocationUri,
        Parameters = input.Parameters ?? new Dictionary<string, string>(),
        CreateTime = createTime,
    };
}
