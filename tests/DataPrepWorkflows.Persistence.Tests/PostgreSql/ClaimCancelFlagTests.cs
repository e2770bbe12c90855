using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>A claim tells each item whether a cancel of its instance is queued, read in the claim's own transaction.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ClaimCancelFlagTests(PostgreSqlFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ClaimAsync_MarksOnlyTheStartWhoseInstanceHasACancelQueued()
    {
        await using var store = await RuntimeStore.OpenAsync(
            new PersistenceOptions
            {
                Provider = "postgresql",
                ConnectionString = await postgres.DatabaseAsync(nameof(ClaimCancelFlagTests)),
                Schema = "c_" + Guid.NewGuid().ToString("N")[..12],
            },
            TimeProvider.System,
            default);
        await store.Work.EnqueueAsync([Item("s1", WorkKind.Start, "i1", Now), Item("s2", WorkKind.Start, "i2", Now), Item("c1", WorkKind.Cancel, "i1", Now.AddSeconds(1))], null, default);

        var claimed = await store.Work.ClaimAsync("node", 10, TimeSpan.FromMinutes(1), Now.AddSeconds(2), default);

        Assert.Equal([("s1", true), ("s2", false)], claimed.Select(c => (c.Id, c.CancelQueued)).OrderBy(c => c.Id).ToList());
        Assert.All(await store.Work.ListForInstanceAsync("i1", default), w => Assert.False(w.CancelQueued));
    }

    private static WorkItemRecord Item(string id, WorkKind kind, string instance, DateTimeOffset due) => new()
    {
        Id = id,
        Kind = kind,
        InstanceId = instance,
        WorkflowId = "wf",
        WorkflowVersion = 1,
        DueAt = due,
        CreatedAt = due,
    };
}
