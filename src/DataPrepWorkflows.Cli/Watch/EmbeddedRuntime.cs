using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Cli.Watch;

/// <summary>
/// The embedded default runtime of the local commands: the SQLite store in the state folder
/// (<c>.dataprep/runtime.db</c>), a node over the local data backends, and the event ingestion. Several local
/// processes may open it at once (<c>watch</c> running, <c>events put</c> in another terminal).
/// </summary>
internal sealed class EmbeddedRuntime : IAsyncDisposable
{
    private readonly DataBackends _backends;

    private EmbeddedRuntime(CliHost host, IRuntimeStore store, DataBackends backends, ActivityRegistry registry)
    {
        Host = host;
        Store = store;
        _backends = backends;
        Registry = registry;
        Node = new RuntimeHost(store, registry, host.Expressions, new RuntimeOptions { IdlePoll = TimeSpan.FromMilliseconds(250) }, new WorkflowEngineOptions
        {
            TimeProvider = TimeProvider.System,
            Services = backends,
            Env = host.Settings.Environment,
        });
        Ingestor = new EventIngestor(store, TimeProvider.System);
    }

    public CliHost Host { get; }

    public IRuntimeStore Store { get; }

    /// <summary>The host's activity types plus the event triggers.</summary>
    public ActivityRegistry Registry { get; }

    public RuntimeHost Node { get; }

    public EventIngestor Ingestor { get; }

    /// <summary>The local storage root the watcher watches (the data backends' objects).</summary>
    public string StorageRoot => Path.Combine(Host.StateFolder, "s3");

    public static async Task<EmbeddedRuntime> OpenAsync(CancellationToken cancellationToken)
    {
        var host = CliHost.Load();
        IRuntimeStore store;
        try
        {
            Directory.CreateDirectory(host.StateFolder);
            store = await RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = Path.Combine(host.StateFolder, "runtime.db") }, TimeProvider.System, cancellationToken);
        }
        catch (PersistenceException e)
        {
            throw new UserError(WatchErrorCodes.StoreUnavailable, $"The embedded runtime store cannot be opened: {e.Message}");
        }

        var backends = await host.OpenBackendsAsync(cancellationToken);
        return new EmbeddedRuntime(host, store, backends, host.Registry);
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        _backends.Dispose();
        await Store.DisposeAsync();
    }
}
