using System.Data.Common;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Persistence.Migrations;
using DataPrepWorkflows.Persistence.Sql;
using Npgsql;

namespace DataPrepWorkflows.Persistence.PostgreSql;

/// <summary>
/// The store for several nodes: one schema of a PostgreSQL database, pooled connections, READ COMMITTED
/// transactions with row locks (claims use <c>FOR UPDATE SKIP LOCKED</c>) and transaction-scoped advisory locks where
/// two nodes could otherwise both insert the same new thing.
/// </summary>
internal sealed partial class PostgreSqlDatabase : SqlDatabase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly long _migrationLockKey;

    private PostgreSqlDatabase(NpgsqlDataSource dataSource, string schema, string describe, TimeProvider clock)
        : base(clock)
    {
        _dataSource = dataSource;
        Schema = schema;
        Describe = describe;
        _migrationLockKey = StableHash("dataprep-migrations:" + schema);
        SendsBatches = true;
    }

    public string Schema { get; }

    public override string Provider => "postgresql";

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override string ForUpdate => " FOR UPDATE";

    public override string Describe { get; }

    /// <summary>
    /// Every commit alone: a group needs a savepoint and its release around each commit, two round trips, while its
    /// own transaction costs one (Npgsql sends BEGIN with the first statement); and PostgreSQL's row locks already let
    /// the nodes' commits run side by side.
    /// </summary>
    public override int MaxGroupCommit => 1;

    /// <inheritdoc/>
    public override bool IsDeadlockVictim(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected };

    public override bool PrefersArrayParameters => true;

    /// <summary>No narrow first attempt: it would save PostgreSQL no index work and cost a round trip whenever it misses.</summary>
    public override bool UpdatesEveryNamedIndex => false;

    /// <summary>A commit in one round trip instead of one per statement (about seven); see <see cref="PostgreSqlCommitBatch"/>.</summary>
    public override Task<long>? WriteCommitBatchAsync(DbConnection connection, DbTransaction transaction, PreparedCommit commit, CancellationToken cancellationToken) =>
        SendsBatches ? PostgreSqlCommitBatch.WriteAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, commit, cancellationToken) : null;

    public static PostgreSqlDatabase Create(string? connectionString, string? schema, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new PersistenceException("DPS005", "Persistence:ConnectionString is empty; the 'postgresql' provider needs an Npgsql connection string, for example 'Host=db;Database=dataprep;Username=dataprep'.");
        }

        if (string.IsNullOrWhiteSpace(schema) || !SchemaName().IsMatch(schema))
        {
            throw new PersistenceException("DPS005", $"Persistence:Schema '{schema}' is not a plain identifier; use letters, digits and '_' (for example 'dataprep').");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new PersistenceException("DPS005", $"Persistence:ConnectionString is not a valid Npgsql connection string: {e.Message}", e);
        }

        builder.SearchPath = schema;
        PrepareAutomatically(builder, connectionString);
        KeepSessionsOnClose(builder, connectionString);
        var describe = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port} (schema '{schema}')";
        return new PostgreSqlDatabase(NpgsqlDataSource.Create(builder.ConnectionString), schema, describe, clock);
    }

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);

    public override Task LockAsync(DbTransaction transaction, string key, CancellationToken cancellationToken) =>
        transaction.Connection!.Command("SELECT pg_advisory_xact_lock(@key)", transaction).With("@key", StableHash(key)).ScalarAsync(cancellationToken);

    public override async Task EnterMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A session lock: nodes starting together apply migrations one after another; the later ones find nothing to do.
        await connection.Command("SELECT pg_advisory_lock(@key)").With("@key", _migrationLockKey).ScalarAsync(cancellationToken);
        try
        {
            await connection.Command($"CREATE SCHEMA IF NOT EXISTS \"{Schema}\"").RunAsync(cancellationToken);
        }
        catch
        {
            await ExitMigrationAsync(connection, CancellationToken.None);
            throw;
        }
    }

    public override async Task ExitMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.Command("SELECT pg_advisory_unlock(@key)").With("@key", _migrationLockKey).ScalarAsync(cancellationToken);
        }
        catch
        {
            // Pooled sessions are not reset on close (see KeepSessionsOnClose): a session that may still hold the
            // migration lock must not go back to the pool, or every node's next migration would wait on it forever.
            NpgsqlConnection.ClearPool((NpgsqlConnection)connection);
            throw;
        }
    }

    public override string ScriptOf(Migration migration) => migration.PostgreSql;

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string sets it: a statement run twice on a connection is
    /// prepared there, so later runs skip PostgreSQL's parsing and analysis (the store runs a few dozen statement texts
    /// over and over; a run's client CPU fell by about a quarter). Generic plans were checked for the claim query,
    /// the one whose plan could depend on its parameters: an ordered scan of the due index, as its custom plans.
    /// </summary>
    internal static void PrepareAutomatically(NpgsqlConnectionStringBuilder builder, string connectionString)
    {
        var keys = Given(connectionString);
        if (!keys.Contains("MaxAutoPrepare", StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!keys.Contains("AutoPrepareMinUsages", StringComparer.OrdinalIgnoreCase))
        {
            builder.AutoPrepareMinUsages = 2;
        }
    }

    /// <summary>
    /// <c>No Reset On Close</c>, unless the connection string sets it: Npgsql otherwise resets every pooled session
    /// when it is handed out again (<c>SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; ...</c>,
    /// seven statements parsed and run by the server at each open), and the store opens a pooled connection for
    /// nearly every statement it runs outside a commit — about ten resets per run, a large share of the server's CPU
    /// in a profile of the runtime benchmark. The store leaves no session state behind: it sets no parameters, uses no
    /// cursors, temporary tables or LISTEN, ends every transaction, and its one session-level lock (migrations) is
    /// released before the connection goes back, or the pool is cleared.
    /// </summary>
    internal static void KeepSessionsOnClose(NpgsqlConnectionStringBuilder builder, string connectionString)
    {
        if (!Given(connectionString).Contains("NoResetOnClose", StringComparer.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
    }

    private static List<string> Given(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Statements kept prepared per connection: more than the store's distinct hot texts.</summary>
    internal const int AutoPreparedStatements = 128;

    /// <summary>FNV-1a: the same 64-bit lock key for the same text in every process (string.GetHashCode is randomized).</summary>
    private static long StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
