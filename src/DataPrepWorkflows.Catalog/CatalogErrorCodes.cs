namespace DataPrepWorkflows.Catalog;

/// <summary>Error codes carried by <see cref="CatalogException"/>, spelled as Glue's API returns them.</summary>
public static class CatalogErrorCodes
{
    /// <summary>The database, table, version or partition does not exist.</summary>
    public const string EntityNotFound = "EntityNotFoundException";

    /// <summary>A database, table or partition with that name or values already exists.</summary>
    public const string AlreadyExists = "AlreadyExistsException";

    /// <summary>A name, value list or filter is malformed.</summary>
    public const string InvalidInput = "InvalidInputException";

    /// <summary>The table changed since the version the caller read (optimistic concurrency, as in Glue's <c>UpdateTable</c>).</summary>
    public const string ConcurrentModification = "ConcurrentModificationException";

    /// <summary>The catalog file was written by a newer version of the product and cannot be opened safely.</summary>
    public const string UnsupportedSchemaVersion = "UnsupportedSchemaVersionException";
}
