using DataPrepWorkflows.Persistence.Sqlite;

namespace DataPrepWorkflows.Persistence.Tests.Testing;

/// <summary>A test class's own SQLite database in a fresh temporary folder, deleted with the folder afterwards.</summary>
public abstract class TemporarySqliteDatabase(string prefix) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dataprep-{prefix}-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The database file.</summary>
    protected string DatabasePath => Path.Combine(_folder, "runtime.db");

    internal SqliteDatabase Database { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Database = (SqliteDatabase)RuntimeStore.Create(new PersistenceOptions { SqlitePath = DatabasePath }, new ManualClock(Records.Epoch));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
