namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The runtime store over one <see cref="SqlDatabase"/>: the same SQL for SQLite and PostgreSQL.</summary>
internal sealed class SqlRuntimeStore : IRuntimeStore
{
    private readonly SqlDatabase _database;
    private readonly GroupCommitter _committer;

    public SqlRuntimeStore(SqlDatabase database)
    {
        _database = database;
        _committer = new GroupCommitter(database);
        Definitions = new SqlDefinitionStore(database);
        Instances = new SqlInstanceStore(database);
        Bookmarks = new SqlBookmarkStore(database);
        Journal = new SqlJournalStore(database);
        Incidents = new SqlIncidentStore(database);
        Work = new SqlWorkQueue(database);
        Triggers = new SqlTriggerStore(database);
        Audit = new SqlAuditLog(database);
    }

    public string Provider => _database.Provider;

    public IWorkflowDefinitionStore Definitions { get; }

    public IInstanceStore Instances { get; }

    public IBookmarkStore Bookmarks { get; }

    public IJournalStore Journal { get; }

    public IIncidentStore Incidents { get; }

    public IWorkQueue Work { get; }

    public ITriggerStore Triggers { get; }

    public IAuditLog Audit { get; }

    internal SqlDatabase Database => _database;

    internal GroupCommitter Committer => _committer;

    public Task<long> CommitAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);

        // Once queued, a commit is written whatever happens to the token: a caller must not be told it was cancelled
        // while its commit lands in a group's transaction.
        cancellationToken.ThrowIfCancellationRequested();
        return _committer.CommitAsync(commit);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
