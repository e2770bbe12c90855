using static DataPrepWorkflows.Persistence.Tests.Testing.Records;

namespace DataPrepWorkflows.Persistence.Tests.Contract;

public abstract partial class StoreContract
{
    [Fact]
    public async Task Incidents_RecordedByCommit_ListedOpenNewestFirstAndResolved()
    {
        await Store.CommitAsync(New(Instance("i1")) with { Incidents = [Incident("x1", "i1", Epoch), Incident("x2", "i1", Epoch.AddMinutes(1))] }, default);
        await Store.CommitAsync(New(Instance("i2")) with { Incidents = [Incident("x3", "i2", Epoch.AddMinutes(2))] }, default);

        Assert.Equal(["x1", "x2"], (await Store.Incidents.ListForInstanceAsync("i1", default)).Select(i => i.IncidentId));
        var first = await Store.Incidents.ListOpenAsync(2, null, default);
        var second = await Store.Incidents.ListOpenAsync(2, first.NextPageToken, default);
        Assert.Equal(["x3", "x2", "x1"], first.Items.Concat(second.Items).Select(i => i.IncidentId));
        Assert.Null(second.NextPageToken);

        Assert.Equal(2, await Store.Incidents.ResolveAsync("i1", Epoch.AddHours(1), default));
        Assert.Equal(Epoch.AddHours(1), (await Store.Incidents.ListForInstanceAsync("i1", default))[0].ResolvedAt);
        Assert.Equal("x3", Assert.Single((await Store.Incidents.ListOpenAsync(10, null, default)).Items).IncidentId);
    }

    [Fact]
    public async Task Triggers_ReplaceListFindAndStamp()
    {
        var stamp = await Store.Triggers.GetStampAsync(default);
        await Store.Triggers.ReplaceAsync("wf", [new StoredTrigger("wf", 1, 0, "HttpEndpoint", "POST /run", "{}"), new StoredTrigger("wf", 1, 1, "Cron", null, """{"cron":"0 * * * *"}""")], default);
        await Store.Triggers.ReplaceAsync("other", [new StoredTrigger("other", 3, 0, "HttpEndpoint", "POST /run", "{}")], default);

        Assert.Equal(3, (await Store.Triggers.ListAsync(null, default)).Count);
        Assert.Equal(new StoredTrigger("wf", 1, 1, "Cron", null, """{"cron":"0 * * * *"}"""), Assert.Single(await Store.Triggers.ListAsync("Cron", default)));
        Assert.Equal(["other", "wf"], (await Store.Triggers.FindAsync("HttpEndpoint", "POST /run", default)).Select(t => t.WorkflowId));
        var changed = await Store.Triggers.GetStampAsync(default);
        Assert.NotEqual(stamp, changed);

        await Store.Triggers.ReplaceAsync("wf", [], default);
        Assert.Single(await Store.Triggers.ListAsync(null, default));
        Assert.NotEqual(changed, await Store.Triggers.GetStampAsync(default));
    }

    [Fact]
    public async Task Audit_AppendedAndListedNewestFirstWithFiltersAndPages()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.Audit.AppendAsync(new AuditRecord(Epoch.AddMinutes(i), i % 2 == 0 ? "ana" : "bo", "editor", "workflow.publish", "wf" + (i % 3), null, "127.0.0.1"), default);
        }

        var first = await Store.Audit.ListAsync(null, null, 3, null, default);
        var second = await Store.Audit.ListAsync(null, null, 3, first.NextPageToken, default);
        Assert.Equal([4, 3, 2, 1, 0], first.Items.Concat(second.Items).Select(r => r.Timestamp.Minute));
        Assert.True(first.Items[0].Sequence > first.Items[1].Sequence);
        Assert.Equal(3, (await Store.Audit.ListAsync("ana", null, 10, null, default)).Items.Count);
        Assert.Equal([4, 1], (await Store.Audit.ListAsync(null, "wf1", 10, null, default)).Items.Select(r => r.Timestamp.Minute));
    }
}
