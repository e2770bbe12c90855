using DataPrepWorkflows.Engine.Execution;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task CommitAsync_ReplacesTheInstancesBookmarks()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Bookmarks = [Bookmark("b1", "i1"), Bookmark("b2", "i1", key: "GET /x")] }, default);
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 1 }, Bookmarks = [Bookmark("b2", "i1", key: "GET /x"), Bookmark("b3", "i1")] }, default);

        var pending = await Store.Bookmarks.FindAsync(new BookmarkQuery { InstanceId = "i1" }, default);
        Assert.Equal(["b2", "b3"], pending.Select(b => b.BookmarkId).Order(StringComparer.Ordinal));
        Assert.Null(await Store.Bookmarks.GetAsync("b1", default));
        Assert.Equal(Bookmark("b2", "i1", key: "GET /x"), await Store.Bookmarks.GetAsync("b2", default));
    }

    [Fact]
    public async Task CommitAsync_StoredNoBookmarks_SkipsTheReplaceOnlyWhenTheCommitHasNoneEither()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Bookmarks = [Bookmark("b1", "i1")] }, default);

        // Bookmarks in the commit: the set is replaced whatever the caller says of the stored one.
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 1 }, StoredNoBookmarks = true, Bookmarks = [Bookmark("b2", "i1")] }, default);
        Assert.Equal(["b2"], (await Store.Bookmarks.FindAsync(new BookmarkQuery { InstanceId = "i1" }, default)).Select(b => b.BookmarkId));

        // None in the commit and none stored, as the caller vouches: the store takes its word and writes no delete
        // (here the word is false on purpose, so the untouched row shows that nothing was run).
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 2 }, StoredNoBookmarks = true }, default);
        Assert.NotNull(await Store.Bookmarks.GetAsync("b2", default));

        // Without the caller's word an empty set is written as empty.
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 3 } }, default);
        Assert.Empty(await Store.Bookmarks.FindAsync(new BookmarkQuery { InstanceId = "i1" }, default));
    }

    [Fact]
    public async Task FindAsync_ByTypeKeyWorkflowAndLimit()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Bookmarks = [Bookmark("b1", "i1", "HttpEndpoint", "GET /a"), Bookmark("b2", "i1", "Label")] }, default);
        await Store.CommitAsync(New(Instance("i2", "other")) with { Bookmarks = [Bookmark("b3", "i2", "HttpEndpoint", "GET /a", "other")] }, default);

        Assert.Equal(2, (await Store.Bookmarks.FindAsync(new BookmarkQuery { ActivityType = "HttpEndpoint", Key = "GET /a" }, default)).Count);
        Assert.Equal("b3", Assert.Single(await Store.Bookmarks.FindAsync(new BookmarkQuery { WorkflowId = "other" }, default)).BookmarkId);
        Assert.Single(await Store.Bookmarks.FindAsync(new BookmarkQuery { Limit = 1 }, default));
        Assert.Equal(3, (await Store.Bookmarks.FindAsync(new BookmarkQuery(), default)).Count);
    }

    [Fact]
    public async Task ResumeAsync_ManyConcurrentCallersFromSeveralNodes_ExactlyOneWinsAndOneItemIsQueued()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Bookmarks = [Bookmark("b1", "i1")] }, default);
        var nodes = new[] { Store, await OpenAsync(), await OpenAsync() };

        var results = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(() =>
            nodes[i % nodes.Length].Bookmarks.ResumeAsync("b1", Work("resume-" + i, "i1", WorkKind.Resume) with { BookmarkId = "b1" }, default))));

        Assert.Equal(1, results.Count(r => r));
        var queued = await Store.Work.ListForInstanceAsync("i1", default);
        Assert.Equal(WorkKind.Resume, Assert.Single(queued).Kind);
        Assert.Null(await Store.Bookmarks.GetAsync("b1", default));
        Assert.False(await Store.Bookmarks.ResumeAsync("b1", Work("late", "i1", WorkKind.Resume), default));
    }

    [Fact]
    public async Task CommitAsync_BuiltBeforeAResume_DoesNotBringTheResumedBookmarkBack()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Bookmarks = [Bookmark("b1", "i1")] }, default);
        Assert.True(await Store.Bookmarks.ResumeAsync("b1", Work("r1", "i1", WorkKind.Resume) with { BookmarkId = "b1" }, default));

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 1, Status = WorkflowStatus.Running }, Bookmarks = [Bookmark("b1", "i1")] }, default);

        Assert.Null(await Store.Bookmarks.GetAsync("b1", default));
        Assert.False(await Store.Bookmarks.ResumeAsync("b1", Work("r2", "i1", WorkKind.Resume) with { BookmarkId = "b1" }, default));
    }
}
