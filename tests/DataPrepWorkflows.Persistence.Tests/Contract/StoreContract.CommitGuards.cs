using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

/// <summary>Every part of a commit is written or none is, whichever guard fails and whatever follows it.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task CommitAsync_ExistingInstanceWhoseCommitAlsoRepeatsAWorkItemId_ConflictsAndWritesNothing()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Enqueue = [Work("w1", "i1", WorkKind.Timers, due: Epoch.AddHours(1))] }, default);

        // The instance insert is rejected first; the repeated work item id behind it must not turn that into another error.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(
            New(Instance("i1")) with
            {
                Bookmarks = [Bookmark("b1", "i1")],
                Journal = [Entry("i1", 1)],
                Incidents = [Incident("x1", "i1", Epoch)],
                Enqueue = [Work("w1", "i1", WorkKind.Timers)],
            },
            default));

        Assert.Empty((await Store.Journal.ReadAsync("i1", 0, 10, default)).Entries);
        Assert.Empty(await Store.Bookmarks.FindAsync(new BookmarkQuery { InstanceId = "i1" }, default));
        Assert.Equal(1, (await Store.Instances.GetAsync("i1", default))!.Revision);
    }

    [Fact]
    public async Task CommitAsync_StaleRevisionWithBookmarksJournalAndIncidents_WritesNothingAndLeavesPositionsUntouched()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Journal = [Entry("i1", 1)], Bookmarks = [Bookmark("b1", "i1")] }, default);
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 1 } }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(
            new InstanceCommit
            {
                Instance = Instance("i1") with { Revision = 1 },
                Journal = [Entry("i1", 2), Entry("i1", 3)],
                Incidents = [Incident("x1", "i1", Epoch)],
            },
            default));
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 2 }, Bookmarks = [Bookmark("b1", "i1")], Journal = [Entry("i1", 2)] }, default);

        var page = await Store.Journal.ReadAsync("i1", 0, 10, default);
        Assert.Equal([1L, 2L], page.Entries.Select(e => e.Sequence));
        Assert.Equal(2, page.LastPosition);
        Assert.Equal(["b1"], (await Store.Bookmarks.FindAsync(new BookmarkQuery { InstanceId = "i1" }, default)).Select(b => b.BookmarkId));
    }

    [Fact]
    public async Task CommitAsync_EntriesUnderTwoRoots_EachRootNumbersItsOwnInOrder()
    {
        await Store.CommitAsync(New(Instance("p")) with { Journal = [Entry("p", 1)] }, default);
        await Store.CommitAsync(New(Instance("c")) with { Journal = [Entry("c", 1, root: "p"), Entry("c", 2, root: "c"), Entry("c", 3, root: "p")] }, default);

        var parent = await Store.Journal.ReadAsync("p", 0, 10, default);
        Assert.Equal([("p", 1L), ("c", 1L), ("c", 3L)], parent.Entries.Select(e => (e.InstanceId, e.Sequence)));
        Assert.Equal(3, parent.LastPosition);
        Assert.Equal(2, (await Store.Journal.ReadAsync("p", 1, 10, default)).Entries.Count);
        var own = await Store.Journal.ReadAsync("c", 0, 10, default);
        Assert.Equal([2L], own.Entries.Select(e => e.Sequence));
        Assert.Equal(1, own.LastPosition);
    }
}
