using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Backends;

/// <summary>
/// The backends the data activities work against: object storage (a local folder or S3), the data catalog (local
/// SQLite or Glue) and the DuckDB data plane. A host creates one and offers it through
/// <see cref="Engine.Activities.ActivityContext.Services"/>; activities reach it with
/// <see cref="ActivityContextBackends.Backends"/>.
/// </summary>
public sealed class DataBackends : IDisposable, IServiceProvider
{
    private readonly DuckDbSessionOptions _sessionOptions;

    /// <summary>Creates the backends.</summary>
    /// <param name="storage">Object storage for <c>s3://</c> URIs.</param>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="stateFolder">Folder for local state (job bookmarks, metric history), usually <c>.dataprep</c>.</param>
    /// <param name="sessionOptions">How to open DuckDB sessions (threads, memory limit, spill folder).</param>
    public DataBackends(IObjectStore storage, ICatalog catalog, string stateFolder, DuckDbSessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(stateFolder);
        Storage = storage;
        Catalog = catalog;
        StateFolder = stateFolder;
        _sessionOptions = sessionOptions ?? new DuckDbSessionOptions();
    }

    /// <summary>Object storage.</summary>
    public IObjectStore Storage { get; }

    /// <summary>The data catalog.</summary>
    public ICatalog Catalog { get; }

    /// <summary>Folder for local state.</summary>
    public string StateFolder { get; }

    /// <summary>
    /// The local files behind <c>s3://</c> URIs when storage is the embedded folder (DuckDB reads them directly), or
    /// <c>null</c> when storage is remote.
    /// </summary>
    public ILocalObjectFiles? LocalFiles => Storage as ILocalObjectFiles;

    /// <summary>
    /// The local file (or folder) DuckDB reads for <paramref name="pathOrUri"/>: an <c>s3://</c> URI is mapped into the
    /// embedded storage folder; any other text is a local path, resolved against the current folder.
    /// </summary>
    /// <exception cref="StorageException">The URI is malformed, or storage is remote (no local files behind it).</exception>
    public string ResolveLocalPath(string pathOrUri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrUri);
        if (!pathOrUri.StartsWith(S3Uri.Scheme, StringComparison.Ordinal))
        {
            return Path.GetFullPath(pathOrUri);
        }

        var uri = S3Uri.Parse(pathOrUri);
        return LocalFiles?.GetPath(uri) ?? throw new StorageException(
            StorageErrorCodes.InvalidUri,
            $"'{pathOrUri}' is in remote storage; the local data plane reads only the embedded storage folder (Storage:Provider Local).");
    }

    /// <summary>Opens a DuckDB session for one activity execution; dispose it when done.</summary>
    public DuckDbSession OpenSession() => DuckDbSession.Open(_sessionOptions);

    /// <summary>Opens the embedded default: storage under <c>&lt;stateFolder&gt;/s3</c>, catalog in <c>&lt;stateFolder&gt;/catalog.db</c>.</summary>
    public static async Task<DataBackends> OpenLocalAsync(string stateFolder, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateFolder);
        var root = Path.GetFullPath(stateFolder);
        Directory.CreateDirectory(root);
        var storage = ObjectStoreFactory.Create(new StorageOptions { Provider = StorageProvider.Local, LocalRoot = Path.Combine(root, "s3") }, clock, root);
        var catalog = await CatalogFactory.OpenLocalAsync(new CatalogOptions { Path = Path.Combine(root, "catalog.db") }, clock, root, cancellationToken).ConfigureAwait(false);
        return new DataBackends(storage, catalog, root, new DuckDbSessionOptions { TempDirectory = Path.Combine(root, "tmp") });
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType) =>
        serviceType == typeof(DataBackends) ? this
        : serviceType == typeof(IObjectStore) ? Storage
        : serviceType == typeof(ICatalog) ? Catalog
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        Storage.Dispose();
        (Catalog as IDisposable)?.Dispose();
    }
}
