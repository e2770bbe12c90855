using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Engine.Tests.Support;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Tests.Support;

/// <summary>
/// A SQLite (or PostgreSQL) store in a temporary folder, a manual clock, and runtime nodes over them. Each node is a
/// separate <see cref="RuntimeHost"/> (its own engine and caches), like separate processes sharing the database.
/// </summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.WithBuiltIns(typeof(RuntimeHarness).Assembly);
    private static readonly JintExpressionEngine Expressions = new();
    private readonly string _folder;
    private readonly List<RuntimeHost> _nodes = [];

    private RuntimeHarness(string folder, IRuntimeStore store, ManualTimeProvider clock)
    {
        _folder = folder;
        Store = store;
        Clock = clock;
    }

    public IRuntimeStore Store { get; }

    /// <summary>The one clock of the test: the store's and every node's.</summary>
    public ManualTimeProvider Clock { get; }

    public TestWorld World { get; } = new();

    public static async Task<RuntimeHarness> CreateAsync(string? postgresConnection = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dpw-runtime-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = postgresConnection is null
            ? new PersistenceOptions { SqlitePath = Path.Combine(folder, "runtime.db") }
            : new PersistenceOptions { Provider = "postgresql", ConnectionString = postgresConnection, Schema = "s" + Guid.NewGuid().ToString("N")[..8] };
        var clock = new ManualTimeProvider();
        var store = await RuntimeStore.OpenAsync(options, clock, CancellationToken.None);
        return new RuntimeHarness(folder, store, clock);
    }

    public RuntimeHost Node(string nodeId = "node-a", CommitStrategy strategy = CommitStrategy.EveryActivity) => Node(nodeId, Store, strategy);

    /// <summary>A node on <paramref name="store"/> (the harness's store, or a wrapper around it).</summary>
    public RuntimeHost Node(string nodeId, IRuntimeStore store, CommitStrategy strategy = CommitStrategy.EveryActivity)
    {
        var node = new RuntimeHost(store, Registry, Expressions,
            new RuntimeOptions { NodeId = nodeId, CommitStrategy = strategy, LeaseDuration = TimeSpan.FromSeconds(30), IdlePoll = TimeSpan.FromMilliseconds(200) },
            new WorkflowEngineOptions { TimeProvider = Clock, Services = new Services(World) });
        _nodes.Add(node);
        return node;
    }

    /// <summary>Saves <paramref name="json"/> as a draft and publishes it through <paramref name="node"/>.</summary>
    public async Task<StoredWorkflowVersion> PublishAsync(RuntimeHost node, JsonObject json)
    {
        var id = json["id"]!.GetValue<string>();
        var draft = await Store.Definitions.SaveDraftAsync(id, json["name"]?.GetValue<string>() ?? id, json.ToJsonString(), "abc123", "test", CancellationToken.None);
        return await node.PublishAsync(id, draft.Version, CancellationToken.None);
    }

    public async Task<InstanceRecord> InstanceAsync(string instanceId) =>
        await Store.Instances.GetAsync(instanceId, CancellationToken.None) ?? throw new InvalidOperationException($"no instance {instanceId}");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying node: the temporary folder is cleaned by the system later.
        }
    }

    private sealed class Services(TestWorld world) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TestWorld) ? world : null;
    }
}
