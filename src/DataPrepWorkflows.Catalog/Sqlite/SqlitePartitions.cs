using System.Text.Json;
using DataPrepWorkflows.Catalog.Json;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Catalog.Sqlite;

/// <summary>Partitions in the catalog file, keyed by their value list.</summary>
internal sealed class SqlitePartitions(CatalogFile file, Func<DateTimeOffset> now)
{
    public async Task<IReadOnlyList<PartitionError>> BatchCreateAsync(string databaseName, string tableName, IReadOnlyList<PartitionInput> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (database, name) = Names(databaseName, tableName);
        var time = now();
        var errors = new List<PartitionError>();
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var table = await SqliteTables.RequireAsync(connection, transaction, database, name, cancellationToken).ConfigureAwait(false);
        foreach (var input in inputs)
        {
            var problem = ExplainValues(table, input.Values);
            if (problem is not null)
            {
                errors.Add(Error(input.Values, CatalogErrorCodes.InvalidInput, problem));
                continue;
            }

            var inserted = await connection.ExecuteAsync(
                "INSERT OR IGNORE INTO partitions (database_name, table_name, values_key, document) VALUES ($db, $name, $key, $document)",
                transaction,
                cancellationToken,
                ("$db", database),
                ("$name", name),
                ("$key", Key(input.Values)),
                ("$document", GlueJson.Serialize(ToPartition(database, name, input, time)))).ConfigureAwait(false);
            if (inserted == 0)
            {
                errors.Add(Error(input.Values, CatalogErrorCodes.AlreadyExists, $"Partition [{string.Join(", ", input.Values)}] already exists."));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return errors;
    }

    public async Task<Partition> GetAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (database, name) = Names(databaseName, tableName);
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        _ = await SqliteTables.RequireAsync(connection, null, database, name, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, database, name, values, cancellationToken).ConfigureAwait(false)
            ?? throw CatalogErrors.PartitionNotFound(database, name, values);
    }

    public async Task<IReadOnlyList<Partition>> ListAsync(string databaseName, string tableName, PartitionFilter? filter, CancellationToken cancellationToken)
    {
        var (database, name) = Names(databaseName, tableName);
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        var table = await SqliteTables.RequireAsync(connection, null, database, name, cancellationToken).ConfigureAwait(false);
        var match = Matcher(table, filter);
        var documents = await connection.TextColumnAsync(
            "SELECT document FROM partitions WHERE database_name = $db AND table_name = $name ORDER BY values_key",
            null,
            cancellationToken,
            ("$db", database),
            ("$name", name)).ConfigureAwait(false);
        return documents.Select(GlueJson.Deserialize<Partition>).Where(p => match(p.Values)).ToList();
    }

    public async Task<Partition> UpdateAsync(string databaseName, string tableName, IReadOnlyList<string> values, PartitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(input);
        var (database, name) = Names(databaseName, tableName);
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var table = await SqliteTables.RequireAsync(connection, transaction, database, name, cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(connection, transaction, database, name, values, cancellationToken).ConfigureAwait(false)
            ?? throw CatalogErrors.PartitionNotFound(database, name, values);
        var problem = ExplainValues(table, input.Values);
        if (problem is not null)
        {
            throw CatalogErrors.Invalid(problem);
        }

        var updated = ToPartition(database, name, input, current.CreationTime ?? now());
        await connection.ExecuteAsync(
            "DELETE FROM partitions WHERE database_name = $db AND table_name = $name AND values_key = $key",
            transaction,
            cancellationToken,
            ("$db", database),
            ("$name", name),
            ("$key", Key(values))).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO partitions (database_name, table_name, values_key, document) VALUES ($db, $name, $key, $document)",
                transaction,
                cancellationToken,
                ("$db", database),
                ("$name", name),
                ("$key", Key(input.Values)),
                ("$document", GlueJson.Serialize(updated))).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new CatalogException(CatalogErrorCodes.AlreadyExists, $"Partition [{string.Join(", ", input.Values)}] already exists.", ex);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task DeleteAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (database, name) = Names(databaseName, tableName);
        await using var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        _ = await SqliteTables.RequireAsync(connection, null, database, name, cancellationToken).ConfigureAwait(false);
        var deleted = await connection.ExecuteAsync(
            "DELETE FROM partitions WHERE database_name = $db AND table_name = $name AND values_key = $key",
            null,
            cancellationToken,
            ("$db", database),
            ("$name", name),
            ("$key", Key(values))).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw CatalogErrors.PartitionNotFound(database, name, values);
        }
    }

    private static (string Database, string Table) Names(string database, string table) =>
        (CatalogName.Normalize(database, "database"), CatalogName.Normalize(table, "table"));

    private static string Key(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, GlueJsonContext.Default.IReadOnlyListString);

    private static async Task<Partition?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string database, string table, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var document = await connection.ScalarTextAsync(
            "SELECT document FROM partitions WHERE database_name = $db AND table_name = $name AND values_key = $key",
            transaction,
            cancellationToken,
            ("$db", database),
            ("$name", table),
            ("$key", Key(values))).ConfigureAwait(false);
        return document is null ? null : GlueJson.Deserialize<Partition>(document);
    }

    private static string? ExplainValues(Table table, IReadOnlyList<string>? values)
    {
        var keys = table.PartitionKeys ?? [];
        if (values is null || values.Count != keys.Count)
        {
            return $"Table {table.DatabaseName}.{table.Name} has {keys.Count} partition key(s) ({string.Join(", ", keys.Select(k => k.Name))}) but the partition gives {values?.Count ?? 0} value(s).";
        }

        return values.Any(v => v is null) ? $"Partition values of table {table.DatabaseName}.{table.Name} must not be null." : null;
    }

    private static Func<IReadOnlyList<string>, bool> Matcher(Table table, PartitionFilter? filter)
    {
        if (filter is null || filter.Values.Count == 0)
        {
            return _ => true;
        }

        var keys = (table.PartitionKeys ?? []).Select(k => k.Name).ToList();
        var required = new List<(int Index, string Value)>();
        foreach (var (key, value) in filter.Values)
        {
            var index = keys.FindIndex(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw CatalogErrors.Invalid(
                    $"'{key}' is not a partition key of table {table.DatabaseName}.{table.Name}; its partition keys are: {(keys.Count == 0 ? "(none)" : string.Join(", ", keys))}.");
            }

            required.Add((index, value));
        }

        return values => required.All(r => string.Equals(values[r.Index], r.Value, StringComparison.Ordinal));
    }

    private static PartitionError Error(IReadOnlyList<string>? values, string code, string message) => new()
    {
        PartitionValues = values ?? [],
        ErrorDetail = new ErrorDetail { ErrorCode = code, ErrorMessage = message },
    };

    private static Partition ToPartition(string database, string table, PartitionInput input, DateTimeOffset creationTime) => new()
    {
        Values = input.Values,
        DatabaseName = database,
        TableName = table,
        CreationTime = creationTime,
        LastAccessTime = input.LastAccessTime,
        StorageDescriptor = ColumnNames.Fold(input.StorageDescriptor),
        Parameters = input.Parameters ?? new Dictionary<string, string>(),
        LastAnalyzedTime = input.LastAnalyzedTime,
    };
}
