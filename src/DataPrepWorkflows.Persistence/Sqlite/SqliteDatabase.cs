using System.Data.Common;
using DataPrepWorkflows.Persistence.Migrations;
using DataPrepWorkflows.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Persistence.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), pooled connections, and every
/// write transaction started with <c>BEGIN IMMEDIATE</c> so writers from any process queue on the busy timeout instead
/// of failing when a read lock would have to be upgraded. Writers of one process queue on an in-process gate first, so
/// only writers of other processes ever meet the busy timeout.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>A log that grew past this (a large transaction) is cut back to it when it starts over.</summary>
    private const int JournalSizeLimitBytes = 64 * 1024 * 1024;

    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionString;
    private static readonly object Configured = new();

    /// <summary>Open connections kept with their prepared statements; more than this many idle ones are closed.</summary>
    private const int MaxIdleConnections = 16;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly WalCheckpointer _checkpointer;
    private readonly System.Collections.Concurrent.ConcurrentBag<KeptSqliteConnection> _idle = [];
    private int _disposed;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];

    private SqliteDatabase(string path, TimeProvider clock)
        : base(clock)
    {
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        _checkpointer = new WalCheckpointer(_connectionString, EnterWriterAsync);
    }

    public string FilePath { get; }

    public override string Provider => "sqlite";

    public override string SkipLocked => string.Empty;

    public override string ForUpdate => string.Empty;

    public override bool PrefersArrayParameters => false;

    public override bool UpdatesEveryNamedIndex => true;

    /// <summary>One writer at a time anyway: commits that queued behind a transaction share the next one.</summary>
    public override int MaxGroupCommit => 256;

    public override string Describe => $"SQLite file '{FilePath}'";

    public static SqliteDatabase Create(string? path, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new PersistenceException("DPS005", "Persistence:SqlitePath is empty; give the database file, for example '.dataprep/runtime.db'.");
        }

        _ = NativeLibrary.Value;
        var full = Path.GetFullPath(path);
        try
        {
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PersistenceException("DPS002", $"Cannot create the folder of SQLite file '{full}': {e.Message}. Set Persistence:SqlitePath to a writable place.", e);
        }

        return new SqliteDatabase(full, clock);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var kept))
        {
            return kept;
        }

        var connection = new KeptSqliteConnection(_connectionString, Keep);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
            {
                // Pragmas stay with the native connection, which the pool hands out again: set them once per connection.
                // The log is checkpointed by the checkpointer, not by whichever commit fills it.
                await connection.Command($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {JournalSizeLimitBytes};").RunAsync(cancellationToken);
                _configured.AddOrUpdate(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes back a connection its user disposed, unless enough are idle or this database is being disposed.</summary>
    private bool Keep(KeptSqliteConnection connection)
    {
        if (Volatile.Read(ref _disposed) != 0 || _idle.Count >= MaxIdleConnections)
        {
            return false;
        }

        _idle.Add(connection);
        if (Volatile.Read(ref _disposed) != 0 && _idle.TryTake(out var late))
        {
            // Disposal drained the idle set while this one was being added: close it here instead.
            late.Dispose();
        }

        return true;
    }

    protected override async ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new WriterTurn(_writer);
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);

    public override Task LockAsync(DbTransaction transaction, string key, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task EnterMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            // WAL is a property of the file: set once, every later connection uses it.
            await connection.Command("PRAGMA journal_mode = WAL;").ScalarAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new PersistenceException("DPS002", $"Cannot use SQLite file '{FilePath}': {e.Message}. Check that it is a SQLite database and writable.", e);
        }
    }

    public override Task ExitMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public override string ScriptOf(Migration migration) => migration.Sqlite;

    /// <summary>The checkpointer of this database's log (for tests).</summary>
    internal WalCheckpointer Checkpointer => _checkpointer;

    protected override void Written() => _checkpointer.Written();

    public override async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, 1);
        await _checkpointer.DisposeAsync();
        while (_idle.TryTake(out var kept))
        {
            kept.Dispose();
        }

        // Pooled connections keep the file open; release this file's so it can be moved or deleted after disposal.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private sealed class WriterTurn(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }
}
