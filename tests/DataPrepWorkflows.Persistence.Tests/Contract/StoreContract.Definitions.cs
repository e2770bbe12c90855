using System.Text.Json;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    private const string Definition = """{"id":"wf","version":7,"activities":[]}""";

    [Fact]
    public async Task SaveDraftAsync_NewWorkflow_CreatesVersionOneAndRewritesTheVersionField()
    {
        var saved = await Store.Definitions.SaveDraftAsync("wf", "Workflow", Definition, "abc123", "ana", default);

        Assert.Equal(1, saved.Version);
        Assert.False(saved.IsPublished);
        Assert.True(saved.IsLatest);
        Assert.Equal(1, JsonDocument.Parse(saved.DefinitionJson).RootElement.GetProperty("version").GetInt32());
        var stored = await Store.Definitions.GetAsync("wf", VersionSelector.Latest, default);
        Assert.Equal(saved, stored);
    }

    [Fact]
    public async Task SaveDraftAsync_WhileUnpublished_OverwritesAndAfterPublishCreatesTheNextVersion()
    {
        await Store.Definitions.SaveDraftAsync("wf", "First", Definition, null, null, default);
        var overwritten = await Store.Definitions.SaveDraftAsync("wf", "Second", Definition, null, null, default);
        Assert.Equal(1, overwritten.Version);
        Assert.Equal("Second", (await Store.Definitions.GetAsync("wf", VersionSelector.Exact(1), default))!.Name);

        var published = await Store.Definitions.PublishAsync("wf", 1, default);
        Assert.True(published!.IsPublished);
        var next = await Store.Definitions.SaveDraftAsync("wf", "Third", Definition, null, null, default);

        Assert.Equal(2, next.Version);
        Assert.Equal(2, JsonDocument.Parse(next.DefinitionJson).RootElement.GetProperty("version").GetInt32());
        Assert.Equal("Second", (await Store.Definitions.GetAsync("wf", VersionSelector.Published, default))!.Name);
        var versions = await Store.Definitions.ListVersionsAsync("wf", default);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal([true, false], versions.Select(v => v.IsLatest));
    }

    [Fact]
    public async Task PublishAsync_AnotherVersion_UnpublishesThePreviousOne()
    {
        await Store.Definitions.SaveDraftAsync("wf", "One", Definition, null, null, default);
        await Store.Definitions.PublishAsync("wf", 1, default);
        await Store.Definitions.SaveDraftAsync("wf", "Two", Definition, null, null, default);

        await Store.Definitions.PublishAsync("wf", 2, default);

        var versions = await Store.Definitions.ListVersionsAsync("wf", default);
        Assert.Equal([true, false], versions.Select(v => v.IsPublished));
        Assert.Null(await Store.Definitions.PublishAsync("wf", 9, default));
        Assert.True(await Store.Definitions.UnpublishAsync("wf", default));
        Assert.False(await Store.Definitions.UnpublishAsync("wf", default));
        Assert.Null(await Store.Definitions.GetAsync("wf", VersionSelector.Published, default));
    }

    [Fact]
    public async Task ListAsync_PagesLatestVersionsByIdWithSearchAndPublishedFilters()
    {
        foreach (var id in new[] { "alpha", "beta", "gamma", "delta", "epsilon" })
        {
            await Store.Definitions.SaveDraftAsync(id, id.ToUpperInvariant() + " flow", Definition, null, null, default);
        }

        await Store.Definitions.PublishAsync("beta", 1, default);
        await Store.Definitions.SaveDraftAsync("beta", "BETA flow", Definition, null, null, default);

        var first = await Store.Definitions.ListAsync(new DefinitionQuery { PageSize = 2 }, default);
        var second = await Store.Definitions.ListAsync(new DefinitionQuery { PageSize = 2, PageToken = first.NextPageToken }, default);
        var third = await Store.Definitions.ListAsync(new DefinitionQuery { PageSize = 2, PageToken = second.NextPageToken }, default);

        Assert.Equal(["alpha", "beta", "delta", "epsilon", "gamma"], first.Items.Concat(second.Items).Concat(third.Items).Select(v => v.WorkflowId));
        Assert.Null(third.NextPageToken);
        Assert.Equal(2, first.Items[1].Version);
        Assert.Equal(string.Empty, first.Items[0].DefinitionJson);
        var published = Assert.Single((await Store.Definitions.ListAsync(new DefinitionQuery { Published = true }, default)).Items);
        Assert.Equal(("beta", 1, true), (published.WorkflowId, published.Version, published.IsPublished));
        Assert.Equal(4, (await Store.Definitions.ListAsync(new DefinitionQuery { Published = false }, default)).Items.Count);
        var search = await Store.Definitions.ListAsync(new DefinitionQuery { Search = "ILON", IncludeJson = true }, default);
        Assert.Equal("epsilon", Assert.Single(search.Items).WorkflowId);
        Assert.NotEmpty(search.Items[0].DefinitionJson);
        Assert.Empty((await Store.Definitions.ListAsync(new DefinitionQuery { Search = "%" }, default)).Items);
    }

    [Fact]
    public async Task ListPublishedAsync_And_DeleteAsync()
    {
        await Store.Definitions.SaveDraftAsync("a", "A", Definition, null, null, default);
        await Store.Definitions.SaveDraftAsync("b", "B", Definition, null, null, default);
        await Store.Definitions.PublishAsync("b", 1, default);

        Assert.Equal("b", Assert.Single(await Store.Definitions.ListPublishedAsync(default)).WorkflowId);
        Assert.True(await Store.Definitions.DeleteAsync("b", default));
        Assert.False(await Store.Definitions.DeleteAsync("b", default));
        Assert.Empty(await Store.Definitions.ListPublishedAsync(default));
    }

    [Fact]
    public async Task DeleteAsync_MovesTheTriggerStampAndDropsTheWorkflowsTriggers()
    {
        await Store.Definitions.SaveDraftAsync("c", "C", Definition, null, null, default);
        await Store.Triggers.ReplaceAsync("c", [new StoredTrigger("c", 1, 0, "Cron", "c:0", "{}")], default);
        var before = await Store.Triggers.GetStampAsync(default);

        Assert.False(await Store.Definitions.DeleteAsync("missing", default));
        Assert.Equal(before, await Store.Triggers.GetStampAsync(default));

        // A node's definition cache is dropped when the stamp moves: a deleted version must not stay cached.
        Assert.True(await Store.Definitions.DeleteAsync("c", default));
        Assert.NotEqual(before, await Store.Triggers.GetStampAsync(default));
        Assert.Empty(await Store.Triggers.ListAsync(null, default));
    }

    [Fact]
    public async Task SaveDraftAsync_ConcurrentSavesOfANewWorkflow_NeverCollide()
    {
        await Store.Definitions.SaveDraftAsync("wf", "Seed", Definition, null, null, default);
        await Store.Definitions.PublishAsync("wf", 1, default);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.Definitions.SaveDraftAsync("wf", "Draft " + i, Definition, null, null, default))));

        var versions = await Store.Definitions.ListVersionsAsync("wf", default);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task ListAsync_InvalidPageToken_FailsWithDps006()
    {
        var error = await Assert.ThrowsAsync<PersistenceException>(() => Store.Instances.ListAsync(new InstanceQuery { PageToken = "not a token" }, default));
        Assert.Equal("DPS006", error.Code);
    }
}
