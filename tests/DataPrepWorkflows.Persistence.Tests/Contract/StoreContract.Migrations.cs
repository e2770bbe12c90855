using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence.Migrations;
using DataPrepWorkflows.Persistence.Tests.Migrations;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    public static TheoryData<int> EarlierVersions()
    {
        var versions = new TheoryData<int>();
        foreach (var migration in MigrationHistory.All.SkipLast(1))
        {
            versions.Add(migration.Version);
        }

        return versions;
    }

    [Fact]
    public void MigrationHistory_IsOrderedFromOneWithoutGaps() =>
        Assert.Equal(Enumerable.Range(1, MigrationHistory.All.Count), MigrationHistory.All.Select(m => m.Version));

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public async Task OpenAsync_DatabaseFilledAtAnEarlierVersion_UpgradesAndKeepsWorking(int version)
    {
        Options = await NewDatabaseAsync();
        await using (var old = RuntimeStore.Create(Options, Clock))
        {
            Assert.Equal(version, await MigrationRunner.ApplyAsync(old, version, default));
            await using var connection = await old.OpenAsync(default);
            await SchemaSeeds.SeedAsync(connection, version);
        }

        var store = await OpenAsync();

        var published = await store.Definitions.GetAsync("wf", VersionSelector.Published, default);
        Assert.Equal(("Old", "c0ffee", Epoch), (published!.Name, published.GitCommit, published.CreatedAt));
        Assert.Equal(2, (await store.Definitions.SaveDraftAsync("wf", "New", """{"id":"wf"}""", null, null, default)).Version);

        var instance = await store.Instances.GetAsync("old", default);
        Assert.Equal((3L, WorkflowStatus.Suspended), (instance!.Revision, instance.Status));
        Assert.Equal(SchemaSeeds.State, instance.State.ToArray());
        Assert.Equal("old", Assert.Single((await store.Instances.ListAsync(new InstanceQuery { CorrelationId = "corr", Statuses = [WorkflowStatus.Suspended] }, default)).Items).InstanceId);

        Assert.Equal("old-bm", Assert.Single(await store.Bookmarks.FindAsync(new BookmarkQuery { ActivityType = "Label", Key = "job-1" }, default)).BookmarkId);
        Assert.True(await store.Bookmarks.ResumeAsync("old-bm", Work("resume", "old", WorkKind.Resume), default));

        await store.CommitAsync(new InstanceCommit { Instance = instance with { Status = WorkflowStatus.Running }, Journal = [Entry("old", 3)] }, default);
        var journal = await store.Journal.ReadAsync("old", 0, 10, default);
        Assert.Equal([1L, 2L, 3L], journal.Entries.Select(e => e.Sequence));
        Assert.Equal(SchemaSeeds.Journal.Where(e => e.RootInstanceId == "old").Append(Entry("old", 3)), journal.Entries);
        Assert.Equal(3, journal.LastPosition);
        var other = SchemaSeeds.Journal.Where(e => e.RootInstanceId == "other").ToList();
        Assert.Equal(other, (await store.Journal.ReadAsync("other", 0, 10, default)).Entries);
        Assert.Equal(other.Skip(2).Take(1), (await store.Journal.ReadAsync("other", 2, 1, default)).Entries);

        var claimed = await store.Work.ClaimAsync("n1", 10, TimeSpan.FromMinutes(1), Epoch.AddMinutes(1), default);
        Assert.Equal(version >= 2 ? "old-timer" : "resume", Assert.Single(claimed).Id);
        Assert.Equal(version < 2, await store.Work.EnqueueAsync([], new DeduplicationRecord("old-key", Epoch.AddYears(1)), default));

        await store.Triggers.ReplaceAsync("wf", [new StoredTrigger("wf", 1, 0, "Cron", null, "{}")], default);
        Assert.Equal(1, await store.Triggers.GetStampAsync(default));
        await store.Audit.AppendAsync(new AuditRecord(Epoch, "ana", "admin", "workflow.publish", "wf", null, null), default);
        Assert.Single((await store.Audit.ListAsync(null, null, 10, null, default)).Items);
    }
}
