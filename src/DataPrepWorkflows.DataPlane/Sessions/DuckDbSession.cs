using System.Globalization;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Sessions;

/// <summary>
/// The data plane's entry point: one DuckDB database with one connection, where datasets are opened, registered as
/// views and queried with SQL. Calls are serialised (a session is one unit of work); open several sessions for
/// parallel work. Long operations run off the caller's thread and stop when their token is cancelled.
/// </summary>
public sealed class DuckDbSession : IDisposable
{
    private readonly DuckDbDatabase _database;
    private readonly DuckDbConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private DuckDbSession(DuckDbDatabase database)
    {
        _database = database;
        _connection = database.Connect();
    }

    /// <summary>The DuckDB library version in use.</summary>
    public static string DuckDbVersion => DuckDbDatabase.LibraryVersion;

    internal DuckDbDatabase Database => _database;

    /// <summary>Opens a session.</summary>
    /// <param name="options">Database file, threads and memory; <see langword="null"/> for an in-memory session.</param>
    /// <returns>The session; dispose it when done.</returns>
    public static DuckDbSession Open(DuckDbSessionOptions? options = null)
    {
        options ??= new DuckDbSessionOptions();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.Threads is { } threads)
        {
            settings["threads"] = threads.ToString(CultureInfo.InvariantCulture);
        }

        if (options.MemoryLimit is { } memory)
        {
            settings["memory_limit"] = memory;
        }

        if (options.TempDirectory is { } temp)
        {
            settings["temp_directory"] = temp;
        }

        return new DuckDbSession(DuckDbDatabase.Open(options.DatabasePath, settings));
    }

    /// <summary>A dataset over files: one file, a glob (<c>data/*.csv</c>) or a folder (read recursively, Hive partitions as columns).</summary>
    /// <param name="path">The path.</param>
    /// <param name="options">Format and CSV options; <see langword="null"/> detects everything.</param>
    /// <returns>The dataset (nothing is read until it is used).</returns>
    /// <exception cref="DatasetException">The path does not exist or its format cannot be told.</exception>
    public Dataset Open(string path, DatasetReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (relation, format) = ReadRelation.Build(path, options ?? DatasetReadOptions.Default);
        return new Dataset(this, path, relation, format);
    }

    /// <summary>A dataset over a query, which may use registered views and tables.</summary>
    /// <param name="query">A SELECT statement.</param>
    /// <returns>The dataset.</returns>
    public Dataset Sql(string query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return new Dataset(this, "query", "(" + query + ")", null);
    }

    /// <summary>A dataset over a registered view or table.</summary>
    /// <param name="name">The view or table name.</param>
    /// <returns>The dataset.</returns>
    public Dataset Table(string name) => new(this, name, SqlText.Identifier(name), null);

    /// <summary>Registers <paramref name="dataset"/> as a view called <paramref name="name"/>, so SQL can refer to it.</summary>
    /// <param name="name">The view name.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The view as a dataset.</returns>
    public async Task<Dataset> RegisterAsync(string name, Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await dataset.Guard(c => c.Execute($"CREATE OR REPLACE VIEW {SqlText.Identifier(name)} AS SELECT * FROM {dataset.Relation}", cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return Table(name);
    }

    /// <summary>Reads <paramref name="dataset"/> into a typed in-memory table called <paramref name="name"/>.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The table as a dataset.</returns>
    public async Task<Dataset> MaterializeAsync(string name, Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await dataset.Guard(c => c.Execute($"CREATE OR REPLACE TABLE {SqlText.Identifier(name)} AS SELECT * FROM {dataset.Relation}", cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return Table(name);
    }

    /// <summary>Runs SQL statements.</summary>
    /// <param name="sql">The statements.</param>
    /// <param name="cancellationToken">Interrupts the statements.</param>
    /// <returns>Rows changed by the last statement.</returns>
    /// <exception cref="DuckDbException">DuckDB refused the SQL; the message is DuckDB's.</exception>
    public Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken = default) =>
        RunAsync((c, token) => c.Execute(sql, token), cancellationToken);

    /// <summary>Runs a query and returns its rows as CLR values; for small results.</summary>
    /// <param name="sql">The query.</param>
    /// <param name="cancellationToken">Interrupts the query.</param>
    /// <returns>The columns and rows.</returns>
    /// <exception cref="DuckDbException">DuckDB refused the SQL; the message is DuckDB's.</exception>
    public Task<QueryRows> QueryAsync(string sql, CancellationToken cancellationToken = default) =>
        RunAsync(
            (c, token) =>
            {
                using var result = c.Query(sql, token);
                return new QueryRows(result.Columns, result.ReadAllRows());
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> with the session's connection, for reading results chunk by chunk. The connection
    /// must not escape the callback.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">The work.</param>
    /// <param name="cancellationToken">Passed to the work, and stops waiting for the session.</param>
    /// <returns>What the work returns.</returns>
    public async Task<T> RunAsync<T>(Func<DuckDbConnection, CancellationToken, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => work(_connection, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
        _gate.Dispose();
    }
}
