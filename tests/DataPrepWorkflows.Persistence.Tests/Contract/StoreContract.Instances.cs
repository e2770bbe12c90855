using DataPrepWorkflows.Engine.Execution;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task CommitAsync_NewInstance_IsReadBackWithStateAndRevisionOne()
    {
        var instance = Instance("i1") with { CorrelationId = "c", GitCommit = "abc", NextTimerAt = Epoch.AddHours(1) };

        var revision = await Store.CommitAsync(New(instance), default);

        Assert.Equal(1, revision);
        var stored = await Store.Instances.GetAsync("i1", default);
        Assert.NotNull(stored);
        Assert.Equal(instance.State.ToArray(), stored.State.ToArray());
        Assert.Equal(instance with { Revision = 1, State = stored.State }, stored);
        Assert.Null(await Store.Instances.GetAsync("missing", default));
    }

    [Fact]
    public async Task CommitAsync_StaleRevisionOrExistingNewInstance_ConflictsAndWritesNothing()
    {
        await Store.CommitAsync(New(Instance("i1")), default);
        await Store.CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 1, Status = WorkflowStatus.Running } }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(New(Instance("i1")), default));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(
            new InstanceCommit { Instance = Instance("i1") with { Revision = 1, Status = WorkflowStatus.Faulted }, Journal = [Entry("i1", 1)] },
            default));

        var stored = await Store.Instances.GetAsync("i1", default);
        Assert.Equal(2, stored!.Revision);
        Assert.Equal(WorkflowStatus.Running, stored.Status);
        Assert.Empty((await Store.Journal.ReadAsync("i1", 0, 10, default)).Entries);
    }

    [Fact]
    public async Task CommitAsync_ConcurrentWritersOnOneRevision_ExactlyOneWins()
    {
        await Store.CommitAsync(New(Instance("i1")), default);
        var second = await OpenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? Store : second).CommitAsync(new InstanceCommit { Instance = Instance("i1") with { Revision = 1, ErrorMessage = "w" + i } }, default);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await Store.Instances.GetAsync("i1", default))!.Revision);
    }

    [Fact]
    public async Task ListAsync_NewestFirstWithKeysetPagesAndTotal()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.CommitAsync(New(Instance($"i{i}", created: Epoch.AddMinutes(i % 4))), default);
        }

        var seen = new List<string>();
        string? token = null;
        long? total = null;
        do
        {
            var page = await Store.Instances.ListAsync(new InstanceQuery { PageSize = 3, PageToken = token, IncludeTotal = true }, default);
            Assert.All(page.Items, item => Assert.True(item.State.IsEmpty));
            seen.AddRange(page.Items.Select(i => i.InstanceId));
            token = page.NextPageToken;
            total = page.TotalCount;
        }
        while (token is not null);

        Assert.Equal(["i3", "i6", "i2", "i5", "i1", "i4", "i0"], seen);
        Assert.Equal(7, total);
    }

    [Fact]
    public async Task ListAsync_EveryDocumentedFilter()
    {
        await Store.CommitAsync(New(Instance("a", "wf", 1, WorkflowStatus.Finished, Epoch)), default);
        await Store.CommitAsync(New(Instance("b", "wf", 2, WorkflowStatus.Faulted, Epoch.AddMinutes(1)) with { CorrelationId = "file.csv" }), default);
        await Store.CommitAsync(New(Instance("c", "other", 1, WorkflowStatus.Suspended, Epoch.AddMinutes(2)) with { ParentInstanceId = "a" }), default);
        await Store.CommitAsync(New(Instance("d", "wf", 2, WorkflowStatus.Suspended, Epoch.AddMinutes(3))), default);

        async Task<string[]> Ids(InstanceQuery query) => (await Store.Instances.ListAsync(query, default)).Items.Select(i => i.InstanceId).ToArray();

        Assert.Equal(["d", "b", "a"], await Ids(new InstanceQuery { WorkflowId = "wf" }));
        Assert.Equal(["d", "b"], await Ids(new InstanceQuery { WorkflowId = "wf", WorkflowVersion = 2 }));
        Assert.Equal(["d", "c"], await Ids(new InstanceQuery { Statuses = [WorkflowStatus.Suspended] }));
        Assert.Equal(["b", "a"], await Ids(new InstanceQuery { Statuses = [WorkflowStatus.Finished, WorkflowStatus.Faulted] }));
        Assert.Equal(["b"], await Ids(new InstanceQuery { CorrelationId = "file.csv" }));
        Assert.Equal(["c"], await Ids(new InstanceQuery { ParentInstanceId = "a" }));
        Assert.Equal(["c", "b"], await Ids(new InstanceQuery { CreatedFrom = Epoch.AddMinutes(1), CreatedBefore = Epoch.AddMinutes(3) }));
        Assert.Equal(["d"], await Ids(new InstanceQuery { WorkflowId = "wf", Statuses = [WorkflowStatus.Suspended] }));
    }

    [Fact]
    public async Task CountActiveAsync_CountsRunningAndSuspendedOfOneWorkflow()
    {
        await Store.CommitAsync(New(Instance("a", status: WorkflowStatus.Running)), default);
        await Store.CommitAsync(New(Instance("b", status: WorkflowStatus.Suspended)), default);
        await Store.CommitAsync(New(Instance("c", status: WorkflowStatus.Finished)), default);
        await Store.CommitAsync(New(Instance("d", "other", status: WorkflowStatus.Running)), default);

        Assert.Equal(2, await Store.Instances.CountActiveAsync("wf", default));
    }

    [Fact]
    public async Task DeleteFinishedAsync_RemovesOldFinishedInstancesWithEverythingTheyOwn_InBatches()
    {
        for (var i = 0; i < 5; i++)
        {
            var finished = Instance($"old{i}", status: WorkflowStatus.Finished) with { FinishedAt = Epoch.AddDays(1) };
            await Store.CommitAsync(New(finished) with { Journal = [Entry($"old{i}", 1)], Incidents = [Incident($"x{i}", $"old{i}", Epoch)] }, default);
        }

        await Store.CommitAsync(New(Instance("recent", status: WorkflowStatus.Faulted) with { FinishedAt = Epoch.AddDays(10) }), default);
        await Store.CommitAsync(New(Instance("waiting")) with { Bookmarks = [Bookmark("bm", "waiting")], Journal = [Entry("waiting", 1)] }, default);

        Assert.Equal(3, await Store.Instances.DeleteFinishedAsync(Epoch.AddDays(5), 3, default));
        Assert.Equal(2, await Store.Instances.DeleteFinishedAsync(Epoch.AddDays(5), 3, default));
        Assert.Equal(0, await Store.Instances.DeleteFinishedAsync(Epoch.AddDays(5), 3, default));

        Assert.Null(await Store.Instances.GetAsync("old0", default));
        Assert.Empty((await Store.Journal.ReadAsync("old0", 0, 10, default)).Entries);
        Assert.Empty(await Store.Incidents.ListForInstanceAsync("old0", default));
        Assert.NotNull(await Store.Instances.GetAsync("recent", default));
        Assert.NotNull(await Store.Bookmarks.GetAsync("bm", default));
        Assert.Single((await Store.Journal.ReadAsync("waiting", 0, 10, default)).Entries);
    }
}
