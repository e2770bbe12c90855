using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Labeling.Store;

/// <summary>Connections to the store's SQLite file: one per operation (no pool), WAL, a generous busy timeout.</summary>
internal sealed class SqliteStoreFile
{
    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS jobs (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            definition TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            deadline TEXT NOT NULL,
            output_manifest TEXT NOT NULL,
            ended_at TEXT,
            end_reason TEXT,
            instance_id TEXT,
            bookmark_id TEXT);
        CREATE TABLE IF NOT EXISTS objects (
            job TEXT NOT NULL COLLATE NOCASE,
            idx INTEGER NOT NULL,
            line TEXT NOT NULL,
            state TEXT NOT NULL,
            label TEXT,
            PRIMARY KEY (job, idx));
        CREATE TABLE IF NOT EXISTS assignments (
            job TEXT NOT NULL COLLATE NOCASE,
            idx INTEGER NOT NULL,
            worker TEXT NOT NULL,
            state TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            submitted_at TEXT,
            answer TEXT,
            PRIMARY KEY (job, idx, worker));
        """;

    private readonly string _connectionString;
    private int _initialized;

    public SqliteStoreFile(string path)
    {
        _ = NativeLibrary.Value;
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 30000", cancellationToken).ConfigureAwait(false);
            if (Interlocked.Exchange(ref _initialized, 1) == 0)
            {
                await ExecuteAsync(connection, null, Schema, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>UTC, fixed width, so text order is time order.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
