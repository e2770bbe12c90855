namespace DataPrepWorkflows.Catalog;

/// <summary>
/// A Glue-shaped data catalog: databases, tables with versions, and partitions. The local implementation keeps it in
/// SQLite; an AWS implementation maps the same calls onto Glue's API. Names are lower-cased on the way in.
/// </summary>
/// <remarks>
/// Failures a user can cause throw <see cref="CatalogException"/> with Glue's codes:
/// <c>EntityNotFoundException</c>, <c>AlreadyExistsException</c>, <c>InvalidInputException</c>.
/// </remarks>
public interface ICatalog
{
    /// <summary>Creates a database (Glue <c>CreateDatabase</c>).</summary>
    /// <param name="input">Name and properties.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Database> CreateDatabaseAsync(DatabaseInput input, CancellationToken cancellationToken = default);

    /// <summary>Returns a database (Glue <c>GetDatabase</c>); <c>EntityNotFoundException</c> when missing.</summary>
    /// <param name="name">Database name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Database> GetDatabaseAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Returns a database, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="name">Database name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Database?> FindDatabaseAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists every database by name (Glue <c>GetDatabases</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Database>> GetDatabasesAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces a database's description, location and properties (Glue <c>UpdateDatabase</c>).</summary>
    /// <param name="name">Database name; must equal <paramref name="input"/>'s name.</param>
    /// <param name="input">The new definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Database> UpdateDatabaseAsync(string name, DatabaseInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes a database with its tables, versions and partitions (Glue <c>DeleteDatabase</c>).</summary>
    /// <param name="name">Database name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteDatabaseAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a table as version <c>"0"</c> (Glue <c>CreateTable</c>).</summary>
    /// <param name="databaseName">The database, which must exist.</param>
    /// <param name="input">The table definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Table> CreateTableAsync(string databaseName, TableInput input, CancellationToken cancellationToken = default);

    /// <summary>Returns a table (Glue <c>GetTable</c>); <c>EntityNotFoundException</c> when it or its database is missing.</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="name">Table name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Table> GetTableAsync(string databaseName, string name, CancellationToken cancellationToken = default);

    /// <summary>Returns a table, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="name">Table name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Table?> FindTableAsync(string databaseName, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists a database's tables by name (Glue <c>GetTables</c>).</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Table>> GetTablesAsync(string databaseName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a table's definition (Glue <c>UpdateTable</c>): the previous definition stays available as a table
    /// version, the new one gets the next version id, <c>CreateTime</c> is kept and <c>UpdateTime</c> set.
    /// </summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="input">The new definition; its name selects the table.</param>
    /// <param name="options">Optimistic-concurrency check and archiving; <see langword="null"/> archives and does not check.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Table> UpdateTableAsync(string databaseName, TableInput input, TableUpdateOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a table with its versions and partitions (Glue <c>DeleteTable</c>).</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="name">Table name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteTableAsync(string databaseName, string name, CancellationToken cancellationToken = default);

    /// <summary>Every version of a table, newest first, the current one included (Glue <c>GetTableVersions</c>).</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="tableName">Table name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TableVersion>> GetTableVersionsAsync(string databaseName, string tableName, CancellationToken cancellationToken = default);

    /// <summary>One version of a table (Glue <c>GetTableVersion</c>).</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="tableName">Table name.</param>
    /// <param name="versionId">The version id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TableVersion> GetTableVersionAsync(string databaseName, string tableName, string versionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates partitions (Glue <c>BatchCreatePartition</c>): each one that already exists or whose values do not match
    /// the partition keys is reported in the result's errors; the others are created.
    /// </summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="tableName">Table name.</param>
    /// <param name="partitions">The partitions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<PartitionError>> BatchCreatePartitionAsync(string databaseName, string tableName, IReadOnlyList<PartitionInput> partitions, CancellationToken cancellationToken = default);

    /// <summary>Returns one partition (Glue <c>GetPartition</c>).</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="tableName">Table name.</param>
    /// <param name="values">The partition's values, in key order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Partition> GetPartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken = default);

    /// <summary>Lists a table's partitions ordered by values, optionally only those matching a filter (Glue <c>GetPartitions</c>).</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="tableName">Table name.</param>
    /// <param name="filter">Required key values; <see langword="null"/> for all partitions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Partition>> GetPartitionsAsync(string databaseName, string tableName, PartitionFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces a partition's definition (Glue <c>UpdatePartition</c>), keeping its creation time.</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="tableName">Table name.</param>
    /// <param name="values">The current values of the partition.</param>
    /// <param name="input">The new definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Partition> UpdatePartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, PartitionInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes one partition (Glue <c>DeletePartition</c>).</summary>
    /// <param name="databaseName">Database name.</param>
    /// <param name="tableName">Table name.</param>
    /// <param name="values">The partition's values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeletePartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken = default);
}
