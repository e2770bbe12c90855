using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Events.Triggers;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Tests.Events;

/// <summary>A clock that stands still until the test moves it (ingestion only reads the time).</summary>
internal sealed class SteppedClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A real SQLite runtime store in a temporary folder, reopenable as after a restart, and a node to publish and run with.</summary>
internal sealed class IngestionFixture : IAsyncDisposable
{
    public static readonly ActivityRegistry Registry = ActivityRegistry.WithBuiltIns(typeof(S3ObjectCreatedTrigger).Assembly);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dpw-ingest-" + Guid.NewGuid().ToString("N"));

    private IngestionFixture()
    {
        Directory.CreateDirectory(_folder);
    }

    public IRuntimeStore Store { get; private set; } = null!;

    public SteppedClock Clock { get; } = new();

    public static async Task<IngestionFixture> CreateAsync()
    {
        var fixture = new IngestionFixture();
        await fixture.ReopenAsync();
        return fixture;
    }

    /// <summary>Closes the store and opens the same file again, as a restarted process would.</summary>
    public async Task ReopenAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        Store = await RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = Path.Combine(_folder, "runtime.db") }, Clock, CancellationToken.None);
    }

    public RuntimeHost Node(TimeProvider? clock = null) =>
        new(Store, Registry, new JintExpressionEngine(), new RuntimeOptions { NodeId = "node-a", IdlePoll = TimeSpan.FromMilliseconds(50) }, new WorkflowEngineOptions { TimeProvider = clock ?? Clock });

    public async Task PublishAsync(string id, string triggersJson)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["version"] = 1,
            ["name"] = id,
            ["description"] = "d",
            ["triggers"] = JsonNode.Parse(triggersJson),
            ["activities"] = JsonNode.Parse("""[{"id": "say", "type": "Log", "inputs": {"message": "=String(trigger.id)"}}]"""),
        };
        var draft = await Store.Definitions.SaveDraftAsync(id, id, json.ToJsonString(), null, "test", CancellationToken.None);
        await using var node = Node();
        await node.PublishAsync(id, draft.Version, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The database file may still be mapped for a moment; the temporary folder is cleaned by the system later.
        }
    }
}
