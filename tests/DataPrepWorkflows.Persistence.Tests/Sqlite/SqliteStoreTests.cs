using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Persistence.Tests.Contract;

namespace DataPrepWorkflows.Persistence.Tests.Sqlite;

/// <summary>The store contract on a fresh SQLite file per test.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dataprep-store-" + Guid.NewGuid().ToString("N")[..12]);

    protected override Task<PersistenceOptions> NewDatabaseAsync() =>
        Task.FromResult(new PersistenceOptions { Provider = "sqlite", SqlitePath = Path.Combine(_folder, Guid.NewGuid().ToString("N")[..8], "runtime.db") });

    protected override Task DeleteDatabaseAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task OpenAsync_CreatesTheFileAndItsFolderInWalMode()
    {
        Assert.True(File.Exists(Options.SqlitePath));
        var database = ((SqlRuntimeStore)Store).Database;
        var mode = await database.ReadAsync(c => c.Command("PRAGMA journal_mode").ScalarAsync(default), default);
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task OpenAsync_FileThatIsNotADatabase_FailsWithDps002()
    {
        var path = Path.Combine(_folder, "garbage.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = await Assert.ThrowsAsync<PersistenceException>(() => RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = path }, Clock, default));

        Assert.Equal("DPS002", error.Code);
    }

    [Fact]
    public async Task OpenAsync_MigrationThatFails_ReportsDps004AndLeavesTheVersionUnapplied()
    {
        var path = Path.Combine(_folder, "conflict.db");
        var database = RuntimeStore.Create(new PersistenceOptions { SqlitePath = path }, Clock);
        await using (database)
        {
            await database.WriteAsync((c, t) => c.Command("CREATE TABLE journal (x INTEGER)", t).RunAsync(default), default);
        }

        var error = await Assert.ThrowsAsync<PersistenceException>(() => RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = path }, Clock, default));

        Assert.Equal("DPS004", error.Code);
        Assert.Contains("schema version 1", error.Message, StringComparison.Ordinal);
        await using var reopened = RuntimeStore.Create(new PersistenceOptions { SqlitePath = path }, Clock);
        var tables = await reopened.ReadAsync(c => c.Command("SELECT COUNT(*) FROM sqlite_master WHERE name = 'instances'").ScalarAsync(default), default);
        Assert.Equal(0L, tables);
    }
}
