namespace DataPrepWorkflows.Testing.PostgreSql;

/// <summary>
/// One throwaway PostgreSQL cluster for every test class of the <see cref="PostgreSqlCollection"/>; each test class
/// gets its own database from <see cref="DatabaseAsync"/>. The cluster is stopped and its folder deleted at the end.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<string>> _databases = new(StringComparer.Ordinal);
    private PostgreSqlCluster? _cluster;

    /// <summary>The running cluster.</summary>
    public PostgreSqlCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL cluster is not started.");

    /// <summary>Starts the cluster.</summary>
    public async Task InitializeAsync() => _cluster = await PostgreSqlCluster.StartAsync(CancellationToken.None);

    /// <summary>The connection string of the database of <paramref name="testClass"/>, created on first use.</summary>
    public Task<string> DatabaseAsync(string testClass)
    {
        lock (_databases)
        {
            if (!_databases.TryGetValue(testClass, out var database))
            {
                database = Cluster.CreateDatabaseAsync(testClass.ToLowerInvariant(), CancellationToken.None);
                _databases[testClass] = database;
            }

            return database;
        }
    }

    /// <summary>Stops the cluster and deletes its folder.</summary>
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
        }
    }
}
