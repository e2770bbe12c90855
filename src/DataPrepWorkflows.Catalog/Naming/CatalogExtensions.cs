namespace DataPrepWorkflows.Catalog;

/// <summary>Table calls addressed the way activities write tables: <c>database.table</c>.</summary>
public static class CatalogExtensions
{
    /// <summary>Returns the table; <c>EntityNotFoundException</c> when it or its database is missing.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="name">For example <c>QualifiedTableName.Parse("sales.raw_orders")</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<Table> GetTableAsync(this ICatalog catalog, QualifiedTableName name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(name);
        return catalog.GetTableAsync(name.Database, name.Table, cancellationToken);
    }

    /// <summary>Returns the table, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="name">The table.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<Table?> FindTableAsync(this ICatalog catalog, QualifiedTableName name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(name);
        return catalog.FindTableAsync(name.Database, name.Table, cancellationToken);
    }

    /// <summary>Creates the table in its database, creating the database too when it does not exist yet.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="name">The table; its table part replaces <paramref name="input"/>'s name.</param>
    /// <param name="input">The table definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<Table> CreateTableAsync(this ICatalog catalog, QualifiedTableName name, TableInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(input);
        if (await catalog.FindDatabaseAsync(name.Database, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                await catalog.CreateDatabaseAsync(new DatabaseInput { Name = name.Database }, cancellationToken).ConfigureAwait(false);
            }
            catch (CatalogException ex) when (ex.Code == CatalogErrorCodes.AlreadyExists)
            {
                // Created concurrently by another writer: the goal is met.
            }
        }

        return await catalog.CreateTableAsync(name.Database, input with { Name = name.Table }, cancellationToken).ConfigureAwait(false);
    }
}
