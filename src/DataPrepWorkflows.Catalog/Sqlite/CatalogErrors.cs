namespace DataPrepWorkflows.Catalog.Sqlite;

/// <summary>The catalog's errors, worded like Glue's and saying what to do.</summary>
internal static class CatalogErrors
{
    public static CatalogException DatabaseNotFound(string database) => new(
        CatalogErrorCodes.EntityNotFound,
        $"Database {database} not found. Create it first, or check the name in 'database.table'.");

    public static CatalogException TableNotFound(string database, string table) => new(
        CatalogErrorCodes.EntityNotFound,
        $"Table {table} not found in database {database}. Run the crawler that creates it, or check the name.");

    public static CatalogException VersionNotFound(string database, string table, string versionId) => new(
        CatalogErrorCodes.EntityNotFound,
        $"Version {versionId} of table {database}.{table} not found; list the versions to see which exist.");

    public static CatalogException PartitionNotFound(string database, string table, IReadOnlyList<string> values) => new(
        CatalogErrorCodes.EntityNotFound,
        $"Partition [{string.Join(", ", values)}] of table {database}.{table} not found.");

    public static CatalogException DatabaseExists(string database) => new(
        CatalogErrorCodes.AlreadyExists,
        $"Database {database} already exists.");

    public static CatalogException TableExists(string database, string table) => new(
        CatalogErrorCodes.AlreadyExists,
        $"Table {table} already exists in database {database}; update it instead.");

    public static CatalogException Invalid(string message) => new(CatalogErrorCodes.InvalidInput, message);
}
