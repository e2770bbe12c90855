using DataPrepWorkflows.Persistence.Migrations;
using DataPrepWorkflows.Persistence.Sql;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task OpenAsync_SeveralNodesAtOnceOnAFreshDatabase_AllSucceedAndMigrateOnce()
    {
        await Store.DisposeAsync();
        await DeleteDatabaseAsync();
        Options = await NewDatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(OpenAsync)));

        var database = ((SqlRuntimeStore)stores[0]).Database;
        var versions = await database.ReadAsync(
            c => c.Command("SELECT version FROM schema_version ORDER BY version").ListAsync(r => r.Int(0), default),
            default);
        Assert.Equal(MigrationHistory.All.Select(m => m.Version), versions);
        Store = stores[0];
    }

    [Fact]
    public async Task OpenAsync_DatabaseNewerThanThisBuild_RefusesWithDps003NamingTheVersion()
    {
        var database = ((SqlRuntimeStore)Store).Database;
        await database.WriteAsync(
            (c, t) => c.Command("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 0)", t).RunAsync(default),
            default);

        var error = await Assert.ThrowsAsync<PersistenceException>(OpenAsync);

        Assert.Equal("DPS003", error.Code);
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UnknownProvider_FailsWithDps001()
    {
        var error = await Assert.ThrowsAsync<PersistenceException>(() => RuntimeStore.OpenAsync(Options with { Provider = "oracle" }, Clock, default));
        Assert.Equal("DPS001", error.Code);
    }

    [Fact]
    public void Provider_NamesTheDatabase() => Assert.Equal(Options.Provider, Store.Provider);
}
