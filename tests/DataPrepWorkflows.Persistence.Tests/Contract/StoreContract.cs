using DataPrepWorkflows.Persistence.Tests.Testing;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

/// <summary>
/// The store contract, run against every provider by a subclass that supplies a fresh, empty database per test.
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private readonly List<IRuntimeStore> _opened = [];

    internal ManualClock Clock { get; } = new(Records.Epoch);

    protected IRuntimeStore Store { get; private set; } = null!;

    protected PersistenceOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Options = await NewDatabaseAsync();
        Store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await DeleteDatabaseAsync();
    }

    /// <summary>Options of a new, empty database.</summary>
    protected abstract Task<PersistenceOptions> NewDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    /// <summary>A provider's chance to set up a store just opened (the default leaves it as opened).</summary>
    protected virtual IRuntimeStore Opened(IRuntimeStore store) => store;

    /// <summary>Opens the test's database once more (another node).</summary>
    protected async Task<IRuntimeStore> OpenAsync()
    {
        var store = Opened(await RuntimeStore.OpenAsync(Options, Clock, CancellationToken.None));
        lock (_opened)
        {
            _opened.Add(store);
        }

        return store;
    }
}
