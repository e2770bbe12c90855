using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task ClaimAsync_ACandidateWhoseInstanceIsTakenByAnEarlierOne_IsSkippedAndTheNextDueItemFillsItsPlace()
    {
        await Store.CommitAsync(New(Instance("i1")), default);
        await Store.CommitAsync(New(Instance("i2")), default);
        await Store.Work.EnqueueAsync(
            [Work("w1", "i1", WorkKind.Resume), Work("w2", "i1", WorkKind.Timers, due: Epoch.AddSeconds(1)), Work("w3", "i2", WorkKind.Resume, due: Epoch.AddSeconds(2)), Work("w4", "i2", WorkKind.Timers, due: Epoch.AddSeconds(3))],
            null,
            default);

        var claimed = await Store.Work.ClaimAsync("n1", 2, Lease, Epoch.AddSeconds(5), default);

        Assert.Equal(["w1", "w3"], claimed.Select(w => w.Id));
        Assert.All(claimed, w => Assert.Equal(("n1", 1), (w.LeaseOwner, w.Attempts)));
        Assert.Empty(await Store.Work.ClaimAsync("n2", 10, Lease, Epoch.AddSeconds(5), default));
    }
}
