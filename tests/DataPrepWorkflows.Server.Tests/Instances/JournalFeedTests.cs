using System.Net;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Server.Tests.Hosting;

namespace DataPrepWorkflows.Server.Tests.Instances;

public sealed class JournalFeedTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_ended_instance_streams_its_journal_then_ends()
    {
        await Seed.InstanceAsync(server.Store, "done", "feed", WorkflowStatus.Finished, T0, journal: ["WorkflowStarted", "Started", "Completed", "WorkflowFinished"]);
        using var viewer = server.Client("viewer");

        using var response = await viewer.GetAsync("/api/v1/workflow-instances/done/journal/stream", HttpCompletionOption.ResponseHeadersRead);
        var events = ParseEvents(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["entry", "entry", "entry", "entry", "end"], events.Select(e => e.Name));
        Assert.Equal(["WorkflowStarted", "Started", "Completed", "WorkflowFinished"], events.SkipLast(1).Select(e => e.Data["event"]!.GetValue<string>()));
        Assert.Equal("Finished", events[^1].Data["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_running_instance_streams_entries_as_they_are_committed_and_ends_with_it()
    {
        await Seed.InstanceAsync(server.Store, "live", "feed", WorkflowStatus.Running, T0, journal: ["WorkflowStarted"]);
        using var viewer = server.Client("viewer");
        using var response = await viewer.GetAsync("/api/v1/workflow-instances/live/journal/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var first = await ReadEventAsync(reader, timeout.Token);
        Assert.Equal(("entry", "WorkflowStarted"), (first.Name, first.Data["event"]!.GetValue<string>()));

        // The feed polls the store: commit the rest of the run, then let its poll interval pass.
        await Seed.AdvanceAsync(server.Store, "live", WorkflowStatus.Finished, 1, "Started", "Completed", "WorkflowFinished");
        await server.Time.WaitForDelayAsync(timeout.Token);
        server.Time.Advance(TimeSpan.FromSeconds(1));

        var rest = new List<(string Name, JsonObject Data)>();
        for (var i = 0; i < 4; i++)
        {
            rest.Add(await ReadEventAsync(reader, timeout.Token));
        }

        Assert.Equal(["entry", "entry", "entry", "end"], rest.Select(e => e.Name));
        Assert.Equal("WorkflowFinished", rest[2].Data["event"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dispatched_instance_no_node_started_yet_is_pending_and_its_feed_waits_for_it()
    {
        using var editor = server.Client("editor");
        using var @operator = server.Client("operator");
        await Seed.SaveAsync(editor, "pending-feed", publish: true);
        var dispatched = await (await @operator.PostAsync("/api/v1/workflow-definitions/pending-feed/dispatch", null)).ReadObjectAsync();
        var instanceId = dispatched["instanceId"]!.GetValue<string>();

        var pending = await (await @operator.GetAsync($"/api/v1/workflow-instances/{instanceId}")).ReadObjectAsync();
        Assert.Equal("Pending", pending["status"]!.GetValue<string>());

        using var response = await @operator.GetAsync($"/api/v1/workflow-instances/{instanceId}/journal/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.Time.WaitForDelayAsync(timeout.Token);
        await Seed.InstanceAsync(server.Store, instanceId, "pending-feed", WorkflowStatus.Finished, T0, journal: ["WorkflowStarted", "WorkflowFinished"]);
        server.Time.Advance(TimeSpan.FromSeconds(1));

        var events = new List<(string Name, JsonObject Data)>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(await ReadEventAsync(reader, timeout.Token));
        }

        Assert.Equal(["entry", "entry", "end"], events.Select(e => e.Name));
    }

    [Fact]
    public async Task The_last_entry_sent_carries_the_position_to_resume_after_and_no_block_is_an_id_alone()
    {
        await Seed.InstanceAsync(server.Store, "ids-feed", "feed", WorkflowStatus.Finished, T0, journal: ["WorkflowStarted", "Started", "Completed", "WorkflowFinished"]);
        using var viewer = server.Client("viewer");
        var text = await viewer.GetStringAsync("/api/v1/workflow-instances/ids-feed/journal/stream");
        var lastPosition = (await (await viewer.GetAsync("/api/v1/workflow-instances/ids-feed/journal")).ReadObjectAsync())["lastPosition"]!.GetValue<long>();

        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(blocks, block => Assert.StartsWith("event: ", block, StringComparison.Ordinal));
        var entries = blocks.Where(b => b.StartsWith("event: entry", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, entries.Count);
        Assert.All(entries.SkipLast(1), block => Assert.DoesNotContain("\nid: ", block, StringComparison.Ordinal));
        Assert.Contains($"\nid: {lastPosition}\n", entries[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_Event_ID_resumes_after_what_the_client_already_has()
    {
        await Seed.InstanceAsync(server.Store, "resumed-feed", "feed", WorkflowStatus.Finished, T0, journal: ["WorkflowStarted", "Started", "Completed", "WorkflowFinished"]);
        using var viewer = server.Client("viewer");
        var all = ParseEvents(await viewer.GetStringAsync("/api/v1/workflow-instances/resumed-feed/journal/stream"));
        var lastPosition = (await (await viewer.GetAsync("/api/v1/workflow-instances/resumed-feed/journal?limit=2")).ReadObjectAsync())["lastPosition"]!.GetValue<long>();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/workflow-instances/resumed-feed/journal/stream");
        request.Headers.Add("Last-Event-ID", lastPosition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await viewer.SendAsync(request);
        var rest = ParseEvents(await response.Content.ReadAsStringAsync());

        Assert.Equal(5, all.Count);
        Assert.Equal(["Completed", "WorkflowFinished"], rest.Where(e => e.Name == "entry").Select(e => e.Data["event"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_feed_of_a_missing_instance_is_a_404_problem()
    {
        using var viewer = server.Client("viewer");
        using var response = await viewer.GetAsync("/api/v1/workflow-instances/ghost/journal/stream");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static List<(string Name, JsonObject Data)> ParseEvents(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Where(lines => lines.Any(l => l.StartsWith("event: ", StringComparison.Ordinal)))
            .Select(lines => (
                lines.First(l => l.StartsWith("event: ", StringComparison.Ordinal))[7..],
                JsonNode.Parse(lines.First(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..])!.AsObject()))
            .ToList();

    private static async Task<(string Name, JsonObject Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The feed ended early.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                return (name, JsonNode.Parse(line[6..])!.AsObject());
            }
        }
    }
}
