using DataPrepWorkflows.Persistence.Tests.Testing;
using DataPrepWorkflows.Testing.PostgreSql;
using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>A claim tells each item whether a cancel of its instance is queued, read in the claim's own transaction.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ClaimCancelFlagTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task ClaimAsync_MarksOnlyTheStartWhoseInstanceHasACancelQueued()
    {
        await using var store = await postgres.OpenFreshSchemaAsync(nameof(ClaimCancelFlagTests), "c_");
        await store.Work.EnqueueAsync([Work("s1", "i1"), Work("s2", "i2"), Work("c1", "i1", WorkKind.Cancel, Epoch.AddSeconds(1))], null, default);

        var claimed = await store.Work.ClaimAsync("node", 10, TimeSpan.FromMinutes(1), Epoch.AddSeconds(2), default);

        Assert.Equal([("s1", true), ("s2", false)], claimed.Select(c => (c.Id, c.CancelQueued)).OrderBy(c => c.Id).ToList());
        Assert.All(await store.Work.ListForInstanceAsync("i1", default), w => Assert.False(w.CancelQueued));
    }
}
