using System.Collections.Concurrent;
using System.Text.Json;
using DataPrepWorkflows.Engine.Execution;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ClaimAsync_LeasesDueItemsOldestFirstAndCountsAttempts()
    {
        await Store.Work.EnqueueAsync([Work("late", "i1", due: Epoch.AddMinutes(5)), Work("second", "i2", due: Epoch.AddSeconds(2)), Work("first", "i3", due: Epoch.AddSeconds(1))], null, default);

        var claimed = await Store.Work.ClaimAsync("n1", 10, Lease, Epoch.AddMinutes(1), default);

        Assert.Equal(["first", "second"], claimed.Select(c => c.Id));
        Assert.All(claimed, c => Assert.Equal(("n1", 1, Epoch.AddMinutes(2)), (c.LeaseOwner!, c.Attempts, c.LeaseExpiresAt!.Value)));
        Assert.Empty(await Store.Work.ClaimAsync("n2", 10, Lease, Epoch.AddMinutes(1), default));
        Assert.Equal((2L, 3L), await Store.Work.CountAsync(Epoch.AddMinutes(1), default));
    }

    [Fact]
    public async Task ClaimAsync_TwoItemsOfOneInstance_OnlyOneIsLeasedUntilItIsDone()
    {
        await Store.CommitAsync(New(Instance("i1")), default);
        await Store.Work.EnqueueAsync([Work("a", "i1"), Work("b", "i1", WorkKind.Resume)], null, default);

        var first = await Store.Work.ClaimAsync("n1", 10, Lease, Epoch, default);
        Assert.Equal("a", Assert.Single(first).Id);
        Assert.Empty(await Store.Work.ClaimAsync("n2", 10, Lease, Epoch, default));

        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 1 }, Work = new WorkItemProgress("a", "n1", Done: true) }, default);

        Assert.Equal("b", Assert.Single(await Store.Work.ClaimAsync("n2", 10, Lease, Epoch, default)).Id);
    }

    [Fact]
    public async Task ClaimAsync_ManyConcurrentClaimersOnSeveralNodes_NeverHoldTwoLiveLeasesOnAnInstance()
    {
        var items = Enumerable.Range(0, 60).Select(i => Work($"w{i:D2}", $"i{i % 12}")).ToList();
        await Store.Work.EnqueueAsync(items, null, default);
        var nodes = new[] { Store, await OpenAsync(), await OpenAsync() };
        var claims = new ConcurrentBag<WorkItemRecord>();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(n => Task.Run(async () =>
        {
            foreach (var item in await nodes[n % nodes.Length].Work.ClaimAsync("node" + n, 3, Lease, Epoch, default))
            {
                claims.Add(item);
            }
        })));

        Assert.Equal(claims.Count, claims.Select(c => c.Id).Distinct().Count());
        Assert.Equal(claims.Count, claims.Select(c => c.InstanceId).Distinct().Count());
        Assert.Equal(12, claims.Count);
    }

    [Fact]
    public async Task ClaimAsync_AfterTheLeaseLapses_AnotherNodeTakesTheItemAndTheOldOwnerCannotCommit()
    {
        await Store.CommitAsync(New(Instance("i1")), default);
        await Store.Work.EnqueueAsync([Work("a", "i1", WorkKind.Resume)], null, default);
        await Store.Work.ClaimAsync("n1", 1, Lease, Epoch, default);

        var taken = Assert.Single(await Store.Work.ClaimAsync("n2", 1, Lease, Epoch.AddMinutes(2), default));

        Assert.Equal(("n2", 2), (taken.LeaseOwner!, taken.Attempts));
        Assert.Empty(await Store.Work.RenewAsync("n1", ["a"], Lease, Epoch.AddMinutes(2), default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(
            new InstanceCommit { Instance = Instance("i1") with { Revision = 1 }, Work = new WorkItemProgress("a", "n1", Done: true) }, default));
        Assert.Equal(1, (await Store.Instances.GetAsync("i1", default))!.Revision);
    }

    [Fact]
    public async Task RenewAsync_ExtendsHeldLeases()
    {
        await Store.Work.EnqueueAsync([Work("a", "i1"), Work("b", "i2")], null, default);
        await Store.Work.ClaimAsync("n1", 2, Lease, Epoch, default);

        Assert.Equal(["a", "b"], (await Store.Work.RenewAsync("n1", ["a", "b", "missing"], Lease, Epoch.AddSeconds(50), default)).Order(StringComparer.Ordinal));

        Assert.Empty(await Store.Work.ClaimAsync("n2", 2, Lease, Epoch.AddSeconds(90), default));
        Assert.Equal(2, (await Store.Work.ClaimAsync("n2", 2, Lease, Epoch.AddSeconds(111), default)).Count);
    }

    [Fact]
    public async Task ReleaseAsync_DropsTheLeaseAndRetriesLater()
    {
        await Store.Work.EnqueueAsync([Work("a", "i1")], null, default);
        await Store.Work.ClaimAsync("n1", 1, Lease, Epoch, default);

        await Store.Work.ReleaseAsync("a", "n1", Epoch.AddSeconds(30), "throttled", default);

        Assert.Empty(await Store.Work.ClaimAsync("n2", 1, Lease, Epoch.AddSeconds(10), default));
        Assert.Equal(Epoch.AddSeconds(30), await Store.Work.NextDueAsync(default));
        var retried = Assert.Single(await Store.Work.ClaimAsync("n2", 1, Lease, Epoch.AddSeconds(30), default));
        Assert.Equal(("throttled", 2), (retried.LastError!, retried.Attempts));
    }

    [Fact]
    public async Task DeleteAsync_OnlyByTheLeaseOwner()
    {
        await Store.Work.EnqueueAsync([Work("a", "i1")], null, default);
        await Store.Work.ClaimAsync("n1", 1, Lease, Epoch, default);

        Assert.False(await Store.Work.DeleteAsync("a", "n2", default));
        Assert.True(await Store.Work.DeleteAsync("a", "n1", default));
        Assert.Empty(await Store.Work.ListForInstanceAsync("i1", default));
        Assert.Null(await Store.Work.NextDueAsync(default));
    }

    [Fact]
    public async Task CommitAsync_MidRunMarksTheItemAppliedAndFinalCommitDeletesIt_EnqueuingNewItems()
    {
        await Store.Work.EnqueueAsync([Work("start", "i1")], null, default);
        await Store.Work.ClaimAsync("n1", 1, Lease, Epoch, default);

        await Store.CommitAsync(New(Instance("i1", status: WorkflowStatus.Running)) with { Work = new WorkItemProgress("start", "n1", Done: false) }, default);
        Assert.True(Assert.Single(await Store.Work.ListForInstanceAsync("i1", default)).Applied);

        await Store.CommitAsync(
            new InstanceCommit
            {
                Instance = Instance("i1") with { Revision = 1 },
                Work = new WorkItemProgress("start", "n1", Done: true),
                Enqueue = [Work("timer", "i1", WorkKind.Timers, Epoch.AddHours(1))],
            },
            default);

        Assert.Equal("timer", Assert.Single(await Store.Work.ListForInstanceAsync("i1", default)).Id);
        Assert.Equal(Epoch.AddHours(1), await Store.Work.NextDueAsync(default));
    }

    [Fact]
    public async Task EnqueueAsync_DuplicateKeyWithinItsWindow_EnqueuesNothingUntilItExpires()
    {
        var key = new DeduplicationRecord("event:aws.s3:1", Epoch.AddMinutes(10));

        Assert.True(await Store.Work.EnqueueAsync([Work("a", "i1")], key, default));
        Assert.False(await Store.Work.EnqueueAsync([Work("b", "i2")], key, default));
        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await Store.Work.EnqueueAsync([Work("c", "i3")], key with { ExpiresAt = Clock.GetUtcNow().AddMinutes(10) }, default));

        Assert.Empty(await Store.Work.ListForInstanceAsync("i2", default));
        Assert.Equal(0, await Store.Work.PurgeDeduplicationAsync(Clock.GetUtcNow(), default));
        Assert.Equal(1, await Store.Work.PurgeDeduplicationAsync(Clock.GetUtcNow().AddMinutes(10), default));
    }

    [Fact]
    public async Task EnqueueAsync_ConcurrentDuplicatesFromSeveralNodes_AcceptOne()
    {
        var nodes = new[] { Store, await OpenAsync() };
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            nodes[i % 2].Work.EnqueueAsync([Work("w" + i, "i" + i)], new DeduplicationRecord("k", Epoch.AddHours(1)), default))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task AppendToBatchAsync_WindowKeepsTheFirstDueTimeAndDebounceMovesIt()
    {
        var window = Work("w1", "i1", batchKey: "wf|bucket|in/");
        var debounce = Work("d1", "i2", batchKey: "wf|bucket|other/");

        Assert.Equal("w1", await Store.Work.AppendToBatchAsync(window, """{"n":1}""", Epoch.AddMinutes(1), BatchDue.Window, null, default));
        Assert.Equal("w1", await Store.Work.AppendToBatchAsync(window with { Id = "w2" }, """{"n":2}""", Epoch.AddMinutes(3), BatchDue.Window, null, default));
        await Store.Work.AppendToBatchAsync(debounce, """{"n":1}""", Epoch.AddMinutes(1), BatchDue.Debounce, null, default);
        await Store.Work.AppendToBatchAsync(debounce with { Id = "d2" }, """{"n":2}""", Epoch.AddMinutes(3), BatchDue.Debounce, null, default);

        var windowItem = Assert.Single(await Store.Work.ListForInstanceAsync("i1", default));
        Assert.Equal(Epoch.AddMinutes(1), windowItem.DueAt);
        Assert.Equal([1, 2], JsonDocument.Parse(windowItem.PayloadJson!).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("n").GetInt32()));
        Assert.Equal(Epoch.AddMinutes(3), Assert.Single(await Store.Work.ListForInstanceAsync("i2", default)).DueAt);
    }

    [Fact]
    public async Task AppendToBatchAsync_AfterTheBatchIsClaimed_StartsANewBatch_AndDeduplicates()
    {
        var template = Work("b1", "i1", batchKey: "k");
        await Store.Work.AppendToBatchAsync(template, """{"n":1}""", Epoch, BatchDue.Window, new DeduplicationRecord("e1", Epoch.AddHours(1)), default);
        Assert.Null(await Store.Work.AppendToBatchAsync(template, """{"n":1}""", Epoch, BatchDue.Window, new DeduplicationRecord("e1", Epoch.AddHours(1)), default));
        Assert.Single(await Store.Work.ClaimAsync("n1", 1, Lease, Epoch, default));

        var next = await Store.Work.AppendToBatchAsync(template with { Id = "b2", InstanceId = "i2" }, """{"n":2}""", Epoch, BatchDue.Window, null, default);

        Assert.Equal("b2", next);
        Assert.Single(await Store.Work.ListForInstanceAsync("i2", default));
    }

    [Fact]
    public async Task AppendToBatchAsync_ConcurrentAppendersFromSeveralNodes_FillOneBatch()
    {
        var nodes = new[] { Store, await OpenAsync() };
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            nodes[i % 2].Work.AppendToBatchAsync(Work("b" + i, "i" + i, batchKey: "k"), $$"""{"n":{{i}}}""", Epoch, BatchDue.Window, null, default))));

        var id = Assert.Single(ids.Distinct());
        var queued = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.Work.ListForInstanceAsync("i" + i, default)));
        var item = Assert.Single(queued.SelectMany(q => q));
        Assert.Equal(id, item.Id);
        Assert.Equal(20, JsonDocument.Parse(item.PayloadJson!).RootElement.GetProperty("events").GetArrayLength());
    }
}
