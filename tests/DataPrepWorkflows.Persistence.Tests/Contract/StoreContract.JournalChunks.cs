using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence.Sql;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task ReadAsync_LimitSmallerThanAChunk_PagesThroughItEntryByEntry()
    {
        JournalRecord[] entries = [.. Enumerable.Range(1, 5).Select(i => Entry("root", i))];
        await Store.CommitAsync(New(Instance("root")) with { Journal = entries }, default);
        Assert.Equal(1, await ChunkCountAsync("root"));

        var read = new List<JournalRecord>();
        var after = 0L;
        var positions = new List<long>();
        while (true)
        {
            var page = await Store.Journal.ReadAsync("root", after, 2, default);
            if (page.Entries.Count == 0)
            {
                Assert.Equal(after, page.LastPosition);
                break;
            }

            Assert.True(page.Entries.Count <= 2);
            read.AddRange(page.Entries);
            after = page.LastPosition;
            positions.Add(after);
        }

        Assert.Equal(entries, read);
        Assert.Equal([2L, 4L, 5L], positions);
    }

    [Fact]
    public async Task ReadAsync_AfterAPositionInsideAChunk_StartsAtTheNextEntryOfIt()
    {
        JournalRecord[] first = [.. Enumerable.Range(1, 4).Select(i => Entry("root", i))];
        JournalRecord[] second = [.. Enumerable.Range(5, 3).Select(i => Entry("root", i))];
        await Store.CommitAsync(New(Instance("root")) with { Journal = first }, default);
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("root") with { Revision = 1 }, Journal = second }, default);
        JournalRecord[] all = [.. first, .. second];

        for (var after = 0; after <= all.Length; after++)
        {
            for (var limit = 1; limit <= all.Length + 1; limit++)
            {
                var page = await Store.Journal.ReadAsync("root", after, limit, default);
                var expected = all.Skip(after).Take(limit).ToList();
                Assert.Equal(expected, page.Entries);
                Assert.Equal(after + expected.Count, page.LastPosition);
            }
        }
    }

    [Fact]
    public async Task CommitAsync_ParentAndChildEntriesInOneCommit_AreTwoChunksWithContiguousPositions()
    {
        await Store.CommitAsync(New(Instance("root")) with { Journal = [Entry("root", 1)] }, default);
        await Store.CommitAsync(
            new InstanceCommit
            {
                Instance = Instance("root") with { Revision = 1 },
                Journal = [Entry("root", 2), Entry("root", 3), Entry("child", 1, root: "root"), Entry("child", 2, root: "root")],
            },
            default);

        Assert.Equal(3, await ChunkCountAsync("root"));
        var all = await Store.Journal.ReadAsync("root", 0, 100, default);
        Assert.Equal([("root", 1L), ("root", 2L), ("root", 3L), ("child", 1L), ("child", 2L)], all.Entries.Select(e => (e.InstanceId, e.Sequence)));
        Assert.Equal(5, all.LastPosition);
        for (var after = 0; after < 5; after++)
        {
            var page = await Store.Journal.ReadAsync("root", after, 1, default);
            Assert.Equal(all.Entries[after], Assert.Single(page.Entries));
            Assert.Equal(after + 1, page.LastPosition);
        }
    }

    [Fact]
    public async Task DeleteFinishedAsync_RemovesTheChunksOfTheDeletedInstanceOnly()
    {
        var done = Epoch.AddDays(1);
        await Store.CommitAsync(New(Instance("parent", status: WorkflowStatus.Running)) with { Journal = [Entry("parent", 1)] }, default);
        await Store.CommitAsync(
            New(Instance("child", status: WorkflowStatus.Finished) with { FinishedAt = done }) with { Journal = [Entry("child", 1, root: "parent"), Entry("child", 2, root: "parent")] },
            default);
        await Store.CommitAsync(
            new InstanceCommit { Instance = Instance("parent", status: WorkflowStatus.Running) with { Revision = 1 }, Journal = [Entry("parent", 2)] },
            default);

        Assert.Equal(1, await Store.Instances.DeleteFinishedAsync(Epoch.AddDays(5), 10, default));

        var left = await Store.Journal.ReadAsync("parent", 0, 10, default);
        Assert.Equal([("parent", 1L), ("parent", 2L)], left.Entries.Select(e => (e.InstanceId, e.Sequence)));
        Assert.Equal(4, left.LastPosition);

        await Store.CommitAsync(
            new InstanceCommit { Instance = Instance("parent", status: WorkflowStatus.Finished) with { Revision = 2, FinishedAt = done } },
            default);
        Assert.Equal(1, await Store.Instances.DeleteFinishedAsync(Epoch.AddDays(5), 10, default));

        Assert.Empty((await Store.Journal.ReadAsync("parent", 0, 10, default)).Entries);
        Assert.Equal(0, await ChunkCountAsync("parent"));
    }

    private async Task<long> ChunkCountAsync(string root) =>
        Convert.ToInt64(
            await ((SqlRuntimeStore)Store).Database.ReadAsync(
                c => c.Command("SELECT COUNT(*) FROM journal_chunks WHERE root_instance_id = @root").With("@root", root).ScalarAsync(default),
                default),
            System.Globalization.CultureInfo.InvariantCulture);
}
