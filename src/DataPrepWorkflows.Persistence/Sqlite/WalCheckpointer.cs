using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Persistence.Sqlite;

/// <summary>
/// Checkpoints the write-ahead log mostly off the write path. SQLite's automatic checkpoint runs inside whichever
/// commit takes the log past 1,000 pages: that commit copies the logged pages into the database file and syncs it while
/// every writer queued behind it waits (about half of a commit's time on the runtime's commit path). The database's
/// connections turn it off (<c>wal_autocheckpoint = 0</c>) and this checkpointer runs on its own connection instead,
/// at most once per <see cref="Interval"/> while writes go on and never while the database is idle. It first runs a
/// <c>PASSIVE</c> checkpoint beside the writers, which copies what is in the log while they keep appending; under
/// steady writes such a checkpoint never catches up with the end of the log, and SQLite starts the log over only after
/// one that did, so the log would grow without bound. A second pass therefore runs inside this process's writer turn
/// (the writer gate the database hands it), where no new pages arrive: it copies only what came in during the first,
/// and the next write starts the log over. Durability is unchanged (a commit is in the log before it returns; the
/// checkpoint syncs the file as the automatic one did).
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    /// <summary>How long writes gather before a checkpoint copies them (pages written many times are copied once).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _connectionString;
    private readonly Func<CancellationToken, ValueTask<IDisposable?>> _enterWriter;
    private readonly SemaphoreSlim _written = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lazy<Task> _loop;
    private int _pending;
    private long _checkpoints;

    public WalCheckpointer(string connectionString, Func<CancellationToken, ValueTask<IDisposable?>> enterWriter)
    {
        _connectionString = connectionString;
        _enterWriter = enterWriter;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The checkpoints run so far (for tests).</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>A write transaction committed: a checkpoint follows within <see cref="Interval"/>.</summary>
    public void Written()
    {
        if (Interlocked.Exchange(ref _pending, 1) != 0)
        {
            return;
        }

        lock (_stop)
        {
            if (!_stop.IsCancellationRequested)
            {
                _ = _loop.Value;
                _written.Release();
            }
        }
    }

    private async Task RunAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        try
        {
            while (true)
            {
                await _written.WaitAsync(_stop.Token);
                await Task.Delay(Interval, _stop.Token);

                // Writes from here on call for the next checkpoint.
                Volatile.Write(ref _pending, 0);
                await CheckpointAsync(connection);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(SqliteConnection connection)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync(_stop.Token);
            }

            // The bulk beside the writers; then, in the writer turn, what they appended meanwhile (the first pass
            // reports the log as it was when it began, so it cannot tell whether it reached the end).
            await PassiveAsync(connection);
            using (await _enterWriter(_stop.Token))
            {
                await PassiveAsync(connection);
            }

            Interlocked.Increment(ref _checkpoints);
        }
        catch (SqliteException)
        {
            // Another connection (another process) was checkpointing, or the file is briefly unavailable: nothing is
            // lost (the pages stay in the log), and the next write calls for the next checkpoint.
        }
    }

    private async Task PassiveAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await command.ExecuteNonQueryAsync(_stop.Token);
    }

    /// <summary>Stops the checkpointer (once; the database may be disposed more than once). SQLite checkpoints the log itself when the last connection closes.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_stop)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
        }

        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }
    }
}
