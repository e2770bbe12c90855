using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// One database the stores run their SQL against, and the few things that differ between SQLite and PostgreSQL:
/// how a write transaction starts, how a key is locked for the rest of a transaction, row locking on claims, and how
/// migrations are serialized between processes.
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    protected SqlDatabase(TimeProvider clock)
    {
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>Appended to a claim's candidate query: PostgreSQL locks the rows and skips rows another node holds.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>Appended to a select whose rows the transaction goes on to change.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// Whether an <c>UPDATE</c> maintains every index on a column it names, changed or not (SQLite), so naming fewer
    /// columns pays; PostgreSQL compares values (an update that changes no indexed value touches no index).
    /// </summary>
    public abstract bool UpdatesEveryNamedIndex { get; }

    /// <summary>
    /// Whether a journal root's head and chunks are better sent as one statement with array parameters
    /// (<see cref="JournalRows.AppendRootSql"/>) than as one statement each.
    /// </summary>
    public abstract bool PrefersArrayParameters { get; }

    /// <summary>Where the database is, for error messages (never a password).</summary>
    public abstract string Describe { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that will write (SQLite: <c>BEGIN IMMEDIATE</c>, so writers queue up front).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serializes transactions on <paramref name="key"/> until this one ends (a no-op where writers are already serialized).</summary>
    public abstract Task LockAsync(DbTransaction transaction, string key, CancellationToken cancellationToken);

    /// <summary>Holds the migration lock on <paramref name="connection"/> (and creates what must exist before the version table).</summary>
    public abstract Task EnterMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract Task ExitMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The provider's script of a migration.</summary>
    public abstract string ScriptOf(Migrations.Migration migration);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// Whether an instance commit is sent as one <see cref="DbBatch"/>, one round trip (PostgreSQL; SQLite has no round
    /// trips to save). Tests turn it off to cover the statement-by-statement path.
    /// </summary>
    public bool SendsBatches { get; set; }

    /// <summary>
    /// Writes <paramref name="commit"/> as one batch (one round trip) inside <paramref name="transaction"/>, or returns
    /// <c>null</c> where the provider has no such path (the caller writes it statement by statement). Throws
    /// <see cref="ConcurrencyConflictException"/> when a guard fails and <see cref="CommitBatchRejectedException"/>
    /// when the batch broke a constraint.
    /// </summary>
    public virtual Task<long>? WriteCommitBatchAsync(DbConnection connection, DbTransaction transaction, PreparedCommit commit, CancellationToken cancellationToken) => null;

    /// <summary>How many instance commits one group-commit transaction takes at most (1: every commit alone).</summary>
    public abstract int MaxGroupCommit { get; }

    /// <summary>
    /// Waits for this process's turn to write, released when the returned value is disposed. SQLite lets one writer
    /// in at a time: queueing writers of one process here costs nothing, while letting them meet the file lock makes
    /// each loser sleep in the busy handler. <c>null</c> where writers need no such queue.
    /// </summary>
    protected virtual ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using var turn = await EnterWriterAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        Written();
        return result;
    }

    /// <summary>A write transaction of this process committed (SQLite: the log is checkpointed a moment later).</summary>
    protected virtual void Written()
    {
    }

    /// <summary>Whether <paramref name="exception"/> is the database choosing this transaction as a deadlock's victim.</summary>
    public virtual bool IsDeadlockVictim(Exception exception) => false;

    /// <summary>
    /// <see cref="WriteAsync{T}"/> for work that may lock rows other writers lock in another order (claims meeting on
    /// the same instances' leases): a transaction the database rolled back as a deadlock's victim wrote nothing, so
    /// it is run again, up to three times in all.
    /// </summary>
    public async Task<T> WriteRetryingDeadlocksAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(work, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && IsDeadlockVictim(e))
            {
            }
        }
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }
}
