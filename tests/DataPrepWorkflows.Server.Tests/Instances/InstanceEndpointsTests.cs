using System.Net;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Server.Tests.Hosting;
using DataPrepWorkflows.Server.Tests.Problems;

namespace DataPrepWorkflows.Server.Tests.Instances;

public sealed class InstanceEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Keyset_paging_walks_every_instance_once_newest_first()
    {
        for (var i = 0; i < 23; i++)
        {
            await Seed.InstanceAsync(server.Store, $"page-{i:D2}", "paging", WorkflowStatus.Finished, T0.AddMinutes(i));
        }

        using var viewer = server.Client("viewer");
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await (await viewer.GetAsync($"/api/v1/workflow-instances?definitionId=paging&pageSize=10{(token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token))}")).ReadObjectAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>()));
            token = page["nextPageToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 23).Reverse().Select(i => $"page-{i:D2}"), seen);
    }

    [Fact]
    public async Task Filters_combine_status_correlation_version_and_created_range()
    {
        await Seed.InstanceAsync(server.Store, "f-1", "filtered", WorkflowStatus.Faulted, T0, correlationId: "file-a");
        await Seed.InstanceAsync(server.Store, "f-2", "filtered", WorkflowStatus.Finished, T0.AddHours(1), correlationId: "file-a");
        await Seed.InstanceAsync(server.Store, "f-3", "filtered", WorkflowStatus.Suspended, T0.AddHours(2), correlationId: "file-b", version: 2);
        using var viewer = server.Client("viewer");

        async Task<string[]> Ids(string query) =>
            (await (await viewer.GetAsync("/api/v1/workflow-instances?definitionId=filtered&" + query)).ReadObjectAsync())["items"]!.AsArray()
                .Select(i => i!["instanceId"]!.GetValue<string>()).ToArray();

        Assert.Equal(["f-2", "f-1"], await Ids("correlationId=file-a"));
        Assert.Equal(["f-3", "f-1"], await Ids("status=Faulted,Suspended"));
        Assert.Equal(["f-3"], await Ids("version=2"));
        Assert.Equal(["f-2"], await Ids($"createdFrom={Uri.EscapeDataString(T0.AddMinutes(30).ToString("O"))}&createdBefore={Uri.EscapeDataString(T0.AddMinutes(90).ToString("O"))}"));
    }

    [Fact]
    public async Task Get_returns_the_instance_with_journal_incidents_bookmarks_and_optionally_state()
    {
        await Seed.InstanceAsync(server.Store, "detailed", "details", WorkflowStatus.Suspended, T0,
            journal: ["WorkflowStarted", "Started", "Suspended"],
            bookmarks: [Seed.Bookmark("bm-detailed", "detailed", "details", T0)]);
        using var viewer = server.Client("viewer");

        var body = await (await viewer.GetAsync("/api/v1/workflow-instances/detailed?includeState=true")).ReadObjectAsync();

        Assert.Equal("Suspended", body["status"]!.GetValue<string>());
        Assert.Equal(["WorkflowStarted", "Started", "Suspended"], body["journal"]!["entries"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()));
        Assert.Equal("bm-detailed", body["bookmarks"]![0]!["bookmarkId"]!.GetValue<string>());
        Assert.Equal("Suspended", body["state"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_goes_to_the_runtime_is_audited_and_an_ended_instance_is_a_409()
    {
        await Seed.InstanceAsync(server.Store, "to-cancel", "ops", WorkflowStatus.Suspended, T0);
        await Seed.InstanceAsync(server.Store, "already-done", "ops", WorkflowStatus.Finished, T0);
        using var @operator = server.Client("operator");

        using var accepted = await @operator.PostAsync("/api/v1/workflow-instances/to-cancel/cancel", null);
        using var refused = await @operator.PostAsync("/api/v1/workflow-instances/already-done/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await ProblemDetailsTests.AssertProblemAsync(refused, HttpStatusCode.Conflict, "DPA010");
        var audit = await server.Store.Audit.ListAsync(null, "to-cancel", 10, null, CancellationToken.None);
        var record = Assert.Single(audit.Items);
        Assert.Equal(("operator-key", "operator", "instance.cancel"), (record.Actor, record.Role, record.Action));
        Assert.Empty((await server.Store.Audit.ListAsync(null, "already-done", 10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Retry_accepts_only_faulted_instances()
    {
        await Seed.InstanceAsync(server.Store, "retry-me", "ops", WorkflowStatus.Faulted, T0);
        await Seed.InstanceAsync(server.Store, "running", "ops", WorkflowStatus.Running, T0);
        using var @operator = server.Client("operator");

        Assert.Equal(HttpStatusCode.Accepted, (await @operator.PostAsync("/api/v1/workflow-instances/retry-me/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await @operator.PostAsync("/api/v1/workflow-instances/running/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await @operator.PostAsync("/api/v1/workflow-instances/nobody/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Bulk_cancel_answers_per_instance()
    {
        await Seed.InstanceAsync(server.Store, "bulk-1", "bulk", WorkflowStatus.Running, T0);
        await Seed.InstanceAsync(server.Store, "bulk-2", "bulk", WorkflowStatus.Finished, T0);
        using var @operator = server.Client("operator");

        var body = await (await @operator.PostAsync("/api/v1/bulk-actions/cancel/workflow-instances", Seed.Json("{\"instanceIds\": [\"bulk-1\", \"bulk-2\", \"bulk-3\"]}"))).ReadObjectAsync();

        Assert.Equal([true, false, false], body["results"]!.AsArray().Select(r => r!["accepted"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Resuming_a_bookmark_passes_the_payload_once()
    {
        await Seed.InstanceAsync(server.Store, "waiting", "resume", WorkflowStatus.Suspended, T0,
            bookmarks: [Seed.Bookmark("bm-once", "waiting", "resume", T0)]);
        using var @operator = server.Client("operator");

        using var first = await @operator.PostAsync("/api/v1/bookmarks/bm-once/resume", Seed.Json("{\"approved\": true}"));
        using var second = await @operator.PostAsync("/api/v1/bookmarks/bm-once/resume", Seed.Json("{\"approved\": true}"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await ProblemDetailsTests.AssertProblemAsync(second, HttpStatusCode.Conflict, "DPA008");
        var work = await server.Store.Work.ListForInstanceAsync("waiting", CancellationToken.None);
        Assert.Equal("{\"approved\":true}", Assert.Single(work).PayloadJson);
        Assert.Single((await server.Store.Audit.ListAsync(null, "waiting", 10, null, CancellationToken.None)).Items);
    }
}
