using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Tests.Support;
using static DataPrepWorkflows.Runtime.Tests.Support.Workflows;

namespace DataPrepWorkflows.Runtime.Tests.Definitions;

/// <summary>Published definitions kept per node, dropped when the trigger stamp moves.</summary>
public sealed class DefinitionCacheTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task APublishedVersion_IsServedFromTheCache_UntilTheStampMoves()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("kept", ("a", "Step", Text("1"))));
        var cache = new Runtime.Definitions.DefinitionCache(h.Store, Registry());

        await cache.RefreshAsync(None);
        var first = await cache.GetAsync("kept", VersionSelector.Published, None);
        var exact = await cache.GetAsync("kept", VersionSelector.Exact(1), None);
        await cache.RefreshAsync(None);
        var second = await cache.GetAsync("kept", VersionSelector.Published, None);
        Assert.Same(first!.Value.Stored, exact!.Value.Stored);
        Assert.Same(first.Value.Stored, second!.Value.Stored);

        await h.PublishAsync(h.Node("node-b"), Chain("kept", ("a", "Step", Text("2"))));
        Assert.Same(first.Value.Stored, (await cache.GetAsync("kept", VersionSelector.Published, None))!.Value.Stored);
        await cache.RefreshAsync(None);
        var moved = await cache.GetAsync("kept", VersionSelector.Published, None);
        Assert.Equal(2, moved!.Value.Stored.Version);
    }

    [Fact]
    public async Task ADraftIsNeverCached_SoASavedAgainDraftIsReadAgain()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        await h.Store.Definitions.SaveDraftAsync("draft", "draft", Chain("draft", ("a", "Step", Text("1"))).ToJsonString(), null, "test", None);
        var cache = new Runtime.Definitions.DefinitionCache(h.Store, Registry());
        await cache.RefreshAsync(None);

        var first = await cache.GetAsync("draft", VersionSelector.Exact(1), None);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.Store.Definitions.SaveDraftAsync("draft", "draft", Chain("draft", ("b", "Step", Text("2"))).ToJsonString(), null, "test", None);
        var second = await cache.GetAsync("draft", VersionSelector.Exact(1), None);

        Assert.NotSame(first!.Value.Stored, second!.Value.Stored);
        Assert.Contains("\"b\"", second.Value.Stored.DefinitionJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublishOrUnpublishOnAnotherNode_IsSeenByTheNextStartHere()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var a = h.Node("node-a");
        var b = h.Node("node-b");
        await h.PublishAsync(a, Chain("moving", ("a", "Step", Text("1"))));
        Assert.Equal(1, (await b.StartAsync(new StartWorkflowRequest { WorkflowId = "moving" }, None)).WorkflowVersion);

        await h.PublishAsync(a, Chain("moving", ("b", "Step", Text("2"))));
        var second = await b.StartAsync(new StartWorkflowRequest { WorkflowId = "moving" }, None);
        Assert.Equal(2, second.WorkflowVersion);
        await b.RunUntilIdleAsync(None);
        Assert.Equal((WorkflowStatus.Finished, 2), ((await h.InstanceAsync(second.InstanceId)).Status, (await h.InstanceAsync(second.InstanceId)).WorkflowVersion));

        Assert.True(await a.UnpublishAsync("moving", None));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => b.StartAsync(new StartWorkflowRequest { WorkflowId = "moving" }, None));
    }

    [Fact]
    public async Task TheStampAClaimRead_IsTheStoresStamp_AndMovesTheCacheOnLikeARefresh()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("claimed", ("a", "Step", Text("1"))));
        var cache = new Runtime.Definitions.DefinitionCache(h.Store, Registry());
        await cache.RefreshAsync(None);
        var first = await cache.GetAsync("claimed", VersionSelector.Published, None);

        await h.PublishAsync(h.Node("node-b"), Chain("claimed", ("a", "Step", Text("2"))));
        await node.StartAsync(new StartWorkflowRequest { WorkflowId = "claimed" }, None);
        var claimed = await h.Store.Work.ClaimAsync("node-a", 1, TimeSpan.FromMinutes(1), h.Clock.GetUtcNow(), None);
        Assert.Equal(await h.Store.Triggers.GetStampAsync(None), claimed[0].TriggerStamp);
        cache.Observe(claimed[0].TriggerStamp);

        Assert.Equal((1, 2), (first!.Value.Stored.Version, (await cache.GetAsync("claimed", VersionSelector.Published, None))!.Value.Stored.Version));
        Assert.Null((await h.Store.Work.ListForInstanceAsync(claimed[0].InstanceId, None))[0].TriggerStamp);
    }

    [Fact]
    public async Task AnUnknownStamp_KeepsNothingCached()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        await h.PublishAsync(h.Node(), Chain("unknown", ("a", "Step", Text("1"))));
        var cache = new Runtime.Definitions.DefinitionCache(h.Store, Registry());
        cache.Observe(null);

        var first = await cache.GetAsync("unknown", VersionSelector.Published, None);
        var second = await cache.GetAsync("unknown", VersionSelector.Published, None);

        Assert.NotSame(first!.Value.Stored, second!.Value.Stored);
    }

    private static Engine.Descriptors.ActivityRegistry Registry() => Engine.Descriptors.ActivityRegistry.WithBuiltIns(typeof(RuntimeHarness).Assembly);
}
