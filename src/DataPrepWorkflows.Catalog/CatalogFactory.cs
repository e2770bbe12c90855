using DataPrepWorkflows.Catalog.Sqlite;

namespace DataPrepWorkflows.Catalog;

/// <summary>Opens the configured <see cref="ICatalog"/>.</summary>
public static class CatalogFactory
{
    /// <summary>
    /// Opens the local SQLite catalog, creating the file and applying schema migrations when needed. Safe to call
    /// on every start: migrations already applied are skipped.
    /// </summary>
    /// <param name="options">The <c>Catalog</c> configuration section.</param>
    /// <param name="timeProvider">Clock for create/update times; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="baseDirectory">Folder a relative <see cref="CatalogOptions.Path"/> is resolved against; the working directory when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CatalogException"><c>UnsupportedSchemaVersionException</c> when the file comes from a newer product version.</exception>
    public static async Task<ICatalog> OpenLocalAsync(
        CatalogOptions options,
        TimeProvider? timeProvider = null,
        string? baseDirectory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(baseDirectory ?? Environment.CurrentDirectory, options.Path);
        return await SqliteCatalog.OpenAsync(path, timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
    }
}
