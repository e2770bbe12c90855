using DataPrepWorkflows.Persistence.Tests.Testing;
using DataPrepWorkflows.Testing.PostgreSql;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>An enqueue guarded by the trigger stamp writes everything while the stamp is unchanged, and nothing once it moved.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class EnqueueAtStampTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task AtTheCurrentStamp_EveryItemIsEnqueued_AndADuplicateKeyEnqueuesNothing()
    {
        await using var store = await OpenAsync();
        var stamp = await store.Triggers.GetStampAsync(default);
        var key = new DeduplicationRecord("event-1", DateTimeOffset.UtcNow.AddDays(1));

        Assert.True(await store.Work.EnqueueAtStampAsync([Work("a1", "i1"), Work("a2", "i1")], key, stamp, default));
        Assert.False(await store.Work.EnqueueAtStampAsync([Work("a3", "i1")], key, stamp, default));

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

        Assert.Null(await store.Work.EnqueueAtStampAsync([Work("b1", "i2"), Work("b2", "i2")], key, stale, default));

        Assert.Empty(await store.Work.ListForInstanceAsync("i2", default));
        Assert.True(await store.Work.EnqueueAsync([Work("b3", "i2")], key, default));
    }

    private Task<IRuntimeStore> OpenAsync() => postgres.OpenFreshSchemaAsync(nameof(EnqueueAtStampTests), "e_");
}
