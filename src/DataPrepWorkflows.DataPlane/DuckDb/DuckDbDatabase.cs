using DataPrepWorkflows.DataPlane.DuckDb.Interop;

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>
/// An open DuckDB database, in memory or in a file. Thread-safe; open one <see cref="DuckDbConnection"/> per thread
/// of work. Disposing closes the database once every connection made from it is disposed too.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    private readonly DatabaseHandle _handle;

    private DuckDbDatabase(DatabaseHandle handle, string? path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The database file, or <see langword="null"/> for an in-memory database.</summary>
    public string? Path { get; }

    /// <summary>The DuckDB library version, e.g. <c>v1.4.5</c>.</summary>
    public static string LibraryVersion => Utf8Text.Read(NativeMethods.duckdb_library_version());

    /// <summary>Native handles currently alive under this database (connections, statements, results, chunks).</summary>
    internal long LiveHandles => Tracker.Live;

    internal HandleTracker Tracker { get; } = new();

    /// <summary>Opens a database.</summary>
    /// <param name="path">A database file, or <see langword="null"/> (or <c>:memory:</c>) for an in-memory database.</param>
    /// <param name="settings">DuckDB settings applied at open, e.g. <c>threads</c> or <c>memory_limit</c>.</param>
    /// <exception cref="DuckDbException">DuckDB could not open the database; the message is DuckDB's.</exception>
    public static DuckDbDatabase Open(string? path = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        nint configHandle = 0;
        try
        {
            if (settings is { Count: > 0 })
            {
                if (NativeMethods.duckdb_create_config(out configHandle) != DuckDbState.Success)
                {
                    throw new DuckDbException("DuckDB could not create a configuration.");
                }

                foreach (var (name, value) in settings)
                {
                    if (NativeMethods.duckdb_set_config(configHandle, name, value) != DuckDbState.Success)
                    {
                        throw new DuckDbException($"DuckDB does not accept the setting '{name}' = '{value}'.", DuckDbErrorKind.Settings);
                    }
                }
            }

            if (NativeMethods.duckdb_open_ext(path, out var database, configHandle, out var error) != DuckDbState.Success)
            {
                var message = error == 0 ? "DuckDB could not open the database." : Utf8Text.Read(error);
                NativeMethods.duckdb_free(error);
                throw new DuckDbException(message, DuckDbErrorKind.IO);
            }

            return new DuckDbDatabase(new DatabaseHandle(database), path);
        }
        finally
        {
            if (configHandle != 0)
            {
                NativeMethods.duckdb_destroy_config(ref configHandle);
            }
        }
    }

    /// <summary>Opens a connection to this database.</summary>
    /// <returns>A connection; dispose it when done.</returns>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (NativeMethods.duckdb_connect(_handle.DangerousGetHandle(), out var connection) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not open a connection.", DuckDbErrorKind.Connection);
        }

        return new DuckDbConnection(this, new ConnectionHandle(connection, Tracker, _handle));
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
