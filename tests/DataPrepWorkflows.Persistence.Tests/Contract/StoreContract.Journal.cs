using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task ReadAsync_ReturnsRootAndChildEntriesInCommitOrderFromAPosition()
    {
        await Store.CommitAsync(New(Instance("root")) with { Journal = [Entry("root", 1), Entry("root", 2)] }, default);
        await Store.CommitAsync(New(Instance("child")) with { Journal = [Entry("child", 1, root: "root")] }, default);
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("root") with { Revision = 1 }, Journal = [Entry("root", 3)] }, default);

        var all = await Store.Journal.ReadAsync("root", 0, 100, default);
        Assert.Equal([("root", 1L), ("root", 2L), ("child", 1L), ("root", 3L)], all.Entries.Select(e => (e.InstanceId, e.Sequence)));
        Assert.Equal(Entry("child", 1, root: "root"), all.Entries[2]);

        var first = await Store.Journal.ReadAsync("root", 0, 2, default);
        var rest = await Store.Journal.ReadAsync("root", first.LastPosition, 100, default);
        Assert.Equal(all.Entries, first.Entries.Concat(rest.Entries));
        var none = await Store.Journal.ReadAsync("root", all.LastPosition, 100, default);
        Assert.Empty(none.Entries);
        Assert.Equal(all.LastPosition, none.LastPosition);
    }

    [Fact]
    public async Task ReadAsync_ConcurrentCommitsUnderOneRoot_GetDistinctIncreasingPositions()
    {
        for (var i = 0; i < 8; i++)
        {
            await Store.CommitAsync(New(Instance("child" + i)), default);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.CommitAsync(
            new InstanceCommit { Instance = Instance("child" + i) with { Revision = 1 }, Journal = [Entry("child" + i, 1, "root"), Entry("child" + i, 2, "root")] },
            default))));

        var entries = (await Store.Journal.ReadAsync("root", 0, 100, default)).Entries;
        Assert.Equal(16, entries.Count);
        foreach (var child in entries.GroupBy(e => e.InstanceId))
        {
            Assert.Equal([1L, 2L], child.Select(e => e.Sequence));
        }
    }
}
