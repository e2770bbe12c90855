using System.Data.Common;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence.Sql;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

/// <summary>
/// Commits queued together share one transaction where the provider groups them (SQLite); each keeps its own guards
/// and its own outcome either way.
/// </summary>
public abstract partial class StoreContract
{
    private GroupCommitter Committer => ((SqlRuntimeStore)Store).Committer;

    [Fact]
    public async Task CommitAllAsync_ManyInstances_EachCommittedWithItsJournal()
    {
        var commits = Enumerable.Range(0, 40).Select(i => New(Instance("g" + i)) with
        {
            Journal = [Entry("g" + i, 1), Entry("g" + i, 2) with { ActivityId = null, ActivityType = null, EntryJson = """{"note":"quote \" and ünïcode"}""" }],
        }).ToList();

        var revisions = await Task.WhenAll(Committer.CommitAllAsync(commits));

        Assert.All(revisions, r => Assert.Equal(1, r));
        for (var i = 0; i < commits.Count; i++)
        {
            var entries = (await Store.Journal.ReadAsync("g" + i, 0, 10, default)).Entries;
            Assert.Equal(commits[i].Journal.Select(e => (e.InstanceId, e.Sequence, e.Timestamp, e.Event, e.ActivityId, e.ActivityType, e.EntryJson)),
                entries.Select(e => (e.InstanceId, e.Sequence, e.Timestamp, e.Event, e.ActivityId, e.ActivityType, e.EntryJson)));
        }
    }

    [Fact]
    public async Task CommitAllAsync_StaleOnesInAGroup_FailAloneAndWriteNothing()
    {
        await Task.WhenAll(Committer.CommitAllAsync(Enumerable.Range(0, 12).Select(i => New(Instance("s" + i))).ToList()));
        var updates = Enumerable.Range(0, 12).Select(i => new InstanceCommit
        {
            Instance = Instance("s" + i) with { Revision = i % 4 == 0 ? 7 : 1, Status = WorkflowStatus.Running },
            Journal = [Entry("s" + i, 1)],
        }).ToList();

        var outcomes = Committer.CommitAllAsync(updates);

        for (var i = 0; i < updates.Count; i++)
        {
            if (i % 4 == 0)
            {
                await Assert.ThrowsAsync<ConcurrencyConflictException>(() => outcomes[i]);
            }
            else
            {
                Assert.Equal(2, await outcomes[i]);
            }

            var stored = await Store.Instances.GetAsync("s" + i, default);
            var journal = (await Store.Journal.ReadAsync("s" + i, 0, 10, default)).Entries;
            if (i % 4 == 0)
            {
                Assert.Equal((1L, WorkflowStatus.Suspended), (stored!.Revision, stored.Status));
                Assert.Empty(journal);
            }
            else
            {
                Assert.Equal((2L, WorkflowStatus.Running), (stored!.Revision, stored.Status));
                Assert.Single(journal);
            }
        }
    }

    [Fact]
    public async Task CommitAllAsync_ALostLeaseAfterOthersWroteInTheGroup_FailsAloneAndTheOthersAreWrittenOnce()
    {
        var lease = TimeSpan.FromMinutes(1);
        for (var i = 0; i < 6; i++)
        {
            await Store.CommitAsync(New(Instance("l" + i)), default);
            await Store.Work.EnqueueAsync([Work("w" + i, "l" + i, WorkKind.Resume)], null, default);
        }

        Assert.Equal(6, (await Store.Work.ClaimAsync("n1", 6, lease, Epoch, default)).Count);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(
            new InstanceCommit { Instance = Instance("l3") with { Revision = 1 }, Work = new WorkItemProgress("w3", "n2", Done: false) }, default));
        await Store.Work.RenewAsync("n1", ["w0", "w1", "w2", "w4", "w5"], lease, Epoch.AddSeconds(50), default);
        Assert.Single(await Store.Work.ClaimAsync("n2", 6, lease, Epoch.AddSeconds(90), default));

        // w0..w2 are written before w3's lost lease is found: the group is rolled back and written again.
        var outcomes = Committer.CommitAllAsync(Enumerable.Range(0, 6).Select(i => new InstanceCommit
        {
            Instance = Instance("l" + i) with { Revision = 1, Status = WorkflowStatus.Running },
            Journal = [Entry("l" + i, 1)],
            Work = new WorkItemProgress("w" + i, "n1", Done: false),
        }).ToList());

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => outcomes[3]);

        // Where every commit is alone (PostgreSQL) the later ones may still be in flight when the fourth has failed.
        await Task.WhenAll(outcomes.Where((_, i) => i != 3));
        for (var i = 0; i < 6; i++)
        {
            var page = await Store.Journal.ReadAsync("l" + i, 0, 10, default);
            var journal = page.Entries;
            if (i == 3)
            {
                Assert.Equal(1, (await Store.Instances.GetAsync("l3", default))!.Revision);
                Assert.Empty(journal);
                var w3 = Assert.Single(await Store.Work.ListForInstanceAsync("l3", default));
                Assert.Equal(("n2", false), (w3.LeaseOwner, w3.Applied));
            }
            else
            {
                Assert.Equal(2, await outcomes[i]);
                Assert.Single(journal);
                Assert.Equal(1, page.LastPosition);
                Assert.True(Assert.Single(await Store.Work.ListForInstanceAsync("l" + i, default)).Applied);
            }
        }
    }

    [Fact]
    public async Task CommitAllAsync_ADatabaseErrorInAGroup_FailsOnlyThatCommit()
    {
        await Store.CommitAsync(New(Instance("e0")) with { Incidents = [Incident("dup", "e0", Epoch)] }, default);
        var commits = Enumerable.Range(1, 6).Select(i => New(Instance("e" + i)) with
        {
            // The third reuses an incident id: a primary-key violation, not a conflict.
            Incidents = [Incident(i == 3 ? "dup" : "inc" + i, "e" + i, Epoch)],
        }).ToList();

        var outcomes = Committer.CommitAllAsync(commits);

        for (var i = 0; i < commits.Count; i++)
        {
            if (i == 2)
            {
                await Assert.ThrowsAnyAsync<DbException>(() => outcomes[i]);
                Assert.Null(await Store.Instances.GetAsync("e3", default));
            }
            else
            {
                Assert.Equal(1, await outcomes[i]);
                Assert.NotNull(await Store.Instances.GetAsync(commits[i].Instance.InstanceId, default));
            }
        }
    }

    [Fact]
    public async Task CommitAsync_UpdatesThatKeepOrChangeIdentityColumns_AreReadBackExactly()
    {
        await Store.CommitAsync(New(Instance("u1", status: WorkflowStatus.Running) with { CorrelationId = "c1" }), default);

        // Same status and identity: only the state moves on.
        var running = Instance("u1", status: WorkflowStatus.Running) with { CorrelationId = "c1", Revision = 1, UpdatedAt = Epoch.AddSeconds(1), State = "{\"n\":2}"u8.ToArray() };
        Assert.Equal(2, await Store.CommitAsync(new InstanceCommit { Instance = running }, default));
        var stored = await Store.Instances.GetAsync("u1", default);
        Assert.Equal(running with { Revision = 2, State = stored!.State }, stored);
        Assert.Equal(running.State.ToArray(), stored.State.ToArray());

        // Status, correlation id and end time change: every column is written.
        var finished = running with
        {
            Revision = 2,
            Status = WorkflowStatus.Finished,
            CorrelationId = "c2",
            FinishedAt = Epoch.AddSeconds(2),
            UpdatedAt = Epoch.AddSeconds(2),
            GitCommit = "abc",
        };
        Assert.Equal(3, await Store.CommitAsync(new InstanceCommit { Instance = finished }, default));
        stored = await Store.Instances.GetAsync("u1", default);
        Assert.Equal(finished with { Revision = 3, State = stored!.State }, stored);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(new InstanceCommit { Instance = finished }, default));
    }
}
