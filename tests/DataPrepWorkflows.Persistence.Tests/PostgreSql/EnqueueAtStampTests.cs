using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>An enqueue guarded by the trigger stamp writes everything while the stamp is unchanged, and nothing once it moved.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class EnqueueAtStampTests(PostgreSqlFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AtTheCurrentStamp_EveryItemIsEnqueued_AndADuplicateKeyEnqueuesNothing()
    {
        await using var store = await OpenAsync();
        var stamp = await store.Triggers.GetStampAsync(default);
        var key = new DeduplicationRecord("event-1", DateTimeOffset.UtcNow.AddDays(1));

        Assert.True(await store.Work.EnqueueAtStampAsync([Item("a1", "i1"), Item("a2", "i1")], key, stamp, default));
        Assert.False(await store.Work.EnqueueAtStampAsync([Item("a3", "i1")], key, stamp, default));

        Assert.Equal(["a1", "a2"], (await store.Work.ListForInstanceAsync("i1", default)).Select(w => w.Id).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task OnceTheStampMoved_NothingIsWritten_NotEvenTheDeduplicationKey()
    {
        await using var store = await OpenAsync();
        var stale = await store.Triggers.GetStampAsync(default);
        await store.Triggers.ReplaceAsync("wf", [], default);
        Assert.NotEqual(stale, await store.Triggers.GetStampAsync(default));
        var key = new DeduplicationRecord("event-2", DateTimeOffset.UtcNow.AddDays(1));

        Assert.Null(await store.Work.EnqueueAtStampAsync([Item("b1", "i2"), Item("b2", "i2")], key, stale, default));

        Assert.Empty(await store.Work.ListForInstanceAsync("i2", default));
        Assert.True(await store.Work.EnqueueAsync([Item("b3", "i2")], key, default));
    }

    private async Task<IRuntimeStore> OpenAsync() => await RuntimeStore.OpenAsync(
        new PersistenceOptions
        {
            Provider = "postgresql",
            ConnectionString = await postgres.DatabaseAsync(nameof(EnqueueAtStampTests)),
            Schema = "e_" + Guid.NewGuid().ToString("N")[..12],
        },
        TimeProvider.System,
        default);

    private static WorkItemRecord Item(string id, string instance) => new()
    {
        Id = id,
        Kind = WorkKind.Start,
        InstanceId = instance,
        WorkflowId = "wf",
        WorkflowVersion = 1,
        DueAt = Now,
        CreatedAt = Now,
    };
}
