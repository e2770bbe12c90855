namespace DataPrepWorkflows.Catalog.Sqlite;

/// <summary>The local Glue-shaped catalog in one SQLite file (by default <c>.dataprep/catalog.db</c>).</summary>
internal sealed class SqliteCatalog : ICatalog
{
    private readonly SqliteDatabases _databases;
    private readonly SqliteTables _tables;
    private readonly SqlitePartitions _partitions;

    private SqliteCatalog(CatalogFile file, TimeProvider timeProvider)
    {
        File = file;

        // Glue keeps timestamps to the millisecond; so does the catalog, so stored and returned times are equal.
        DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        _databases = new SqliteDatabases(file, Now);
        _tables = new SqliteTables(file, Now);
        _partitions = new SqlitePartitions(file, Now);
    }

    public CatalogFile File { get; }

    /// <summary>Opens (creating when needed) the catalog file and brings its schema up to date.</summary>
    public static async Task<SqliteCatalog> OpenAsync(string path, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var file = new CatalogFile(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await using (var connection = await file.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await CatalogMigrations.ApplyAsync(connection, file.Path, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return new SqliteCatalog(file, timeProvider);
    }

    public Task<Database> CreateDatabaseAsync(DatabaseInput input, CancellationToken cancellationToken = default) =>
        _databases.CreateAsync(input, cancellationToken);

    public async Task<Database> GetDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        await _databases.FindAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw CatalogErrors.DatabaseNotFound(CatalogName.Normalize(name, "database"));

    public Task<Database?> FindDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        _databases.FindAsync(name, cancellationToken);

    public Task<IReadOnlyList<Database>> GetDatabasesAsync(CancellationToken cancellationToken = default) =>
        _databases.ListAsync(cancellationToken);

    public Task<Database> UpdateDatabaseAsync(string name, DatabaseInput input, CancellationToken cancellationToken = default) =>
        _databases.UpdateAsync(name, input, cancellationToken);

    public Task DeleteDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        _databases.DeleteAsync(name, cancellationToken);

    public Task<Table> CreateTableAsync(string databaseName, TableInput input, CancellationToken cancellationToken = default) =>
        _tables.CreateAsync(databaseName, input, cancellationToken);

    public Task<Table> GetTableAsync(string databaseName, string name, CancellationToken cancellationToken = default) =>
        _tables.GetAsync(databaseName, name, cancellationToken);

    public Task<Table?> FindTableAsync(string databaseName, string name, CancellationToken cancellationToken = default) =>
        _tables.FindAsync(databaseName, name, cancellationToken);

    public Task<IReadOnlyList<Table>> GetTablesAsync(string databaseName, CancellationToken cancellationToken = default) =>
        _tables.ListAsync(databaseName, cancellationToken);

    public Task<Table> UpdateTableAsync(string databaseName, TableInput input, TableUpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        _tables.UpdateAsync(databaseName, input, options ?? new TableUpdateOptions(), cancellationToken);

    public Task DeleteTableAsync(string databaseName, string name, CancellationToken cancellationToken = default) =>
        _tables.DeleteAsync(databaseName, name, cancellationToken);

    public Task<IReadOnlyList<TableVersion>> GetTableVersionsAsync(string databaseName, string tableName, CancellationToken cancellationToken = default) =>
        _tables.VersionsAsync(databaseName, tableName, cancellationToken);

    public Task<TableVersion> GetTableVersionAsync(string databaseName, string tableName, string versionId, CancellationToken cancellationToken = default) =>
        _tables.VersionAsync(databaseName, tableName, versionId, cancellationToken);

    public Task<IReadOnlyList<PartitionError>> BatchCreatePartitionAsync(string databaseName, string tableName, IReadOnlyList<PartitionInput> partitions, CancellationToken cancellationToken = default) =>
        _partitions.BatchCreateAsync(databaseName, tableName, partitions, cancellationToken);

    public Task<Partition> GetPartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken = default) =>
        _partitions.GetAsync(databaseName, tableName, values, cancellationToken);

    public Task<IReadOnlyList<Partition>> GetPartitionsAsync(string databaseName, string tableName, PartitionFilter? filter = null, CancellationToken cancellationToken = default) =>
        _partitions.ListAsync(databaseName, tableName, filter, cancellationToken);

    public Task<Partition> UpdatePartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, PartitionInput input, CancellationToken cancellationToken = default) =>
        _partitions.UpdateAsync(databaseName, tableName, values, input, cancellationToken);

    public Task DeletePartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken = default) =>
        _partitions.DeleteAsync(databaseName, tableName, values, cancellationToken);
}
