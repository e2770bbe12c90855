using System.Text.Json.Nodes;
using DataPrepWorkflows.Events.S3;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Runtime.Tests.Events;

public sealed class EventIngestorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_same_event_id_starts_one_run_even_after_a_restart()
    {
        await using var fixture = await IngestionFixture.CreateAsync();
        await fixture.PublishAsync("loader", """[{"type": "S3ObjectCreated", "bucket": "raw", "keyPrefix": "incoming/"}]""");
        var @event = new S3EventFactory(fixture.Clock).ObjectCreated("raw", "incoming/a.csv", 5, "e");

        var first = await new EventIngestor(fixture.Store, fixture.Clock).IngestAsync(@event, None);
        var start = Assert.Single(first.Starts);
        Assert.Equal(("loader", 1, 0, IngestOutcome.Started), (start.WorkflowId, start.Version, start.TriggerIndex, start.Outcome));
        Assert.NotNull(start.InstanceId);
        var second = await new EventIngestor(fixture.Store, fixture.Clock).IngestAsync(@event.ToJson(), None);
        Assert.True(second.Duplicate);

        await fixture.ReopenAsync();
        fixture.Clock.Now += TimeSpan.FromHours(23);
        Assert.True((await new EventIngestor(fixture.Store, fixture.Clock).IngestAsync(@event, None)).Duplicate);
        Assert.Equal(1, (await fixture.Store.Work.CountAsync(fixture.Clock.Now, None)).Total);

        var item = Assert.Single(await fixture.Store.Work.ListForInstanceAsync(start.InstanceId!, None));
        Assert.Equal(WorkKind.Start, item.Kind);
        Assert.Equal(@event.Id, JsonNode.Parse(item.PayloadJson!)!["trigger"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_dedupe_window_the_same_id_is_accepted_again()
    {
        await using var fixture = await IngestionFixture.CreateAsync();
        await fixture.PublishAsync("loader", """[{"type": "S3ObjectCreated", "bucket": "raw", "dedupeWindow": "1h"}]""");
        var ingestor = new EventIngestor(fixture.Store, fixture.Clock);
        var @event = new S3EventFactory(fixture.Clock).ObjectCreated("raw", "a.csv", 5, "e");
        Assert.True((await ingestor.IngestAsync(@event, None)).Accepted);
        fixture.Clock.Now += TimeSpan.FromMinutes(59);
        Assert.True((await ingestor.IngestAsync(@event, None)).Duplicate);
        fixture.Clock.Now += TimeSpan.FromMinutes(2);
        Assert.True((await ingestor.IngestAsync(@event, None)).Accepted);
    }

    [Fact]
    public async Task One_event_starts_every_matching_workflow_and_others_start_nothing()
    {
        await using var fixture = await IngestionFixture.CreateAsync();
        await fixture.PublishAsync("csv", """[{"type": "S3ObjectCreated", "bucket": "raw", "keySuffix": ".csv"}]""");
        await fixture.PublishAsync("all", """[{"type": "S3ObjectCreated", "bucket": "raw"}, {"type": "EventBridge", "pattern": {"source": ["aws.s3"], "detail": {"bucket": {"name": ["raw"]}}}}]""");
        await fixture.PublishAsync("gone", """[{"type": "S3ObjectDeleted", "bucket": "raw"}]""");
        var ingestor = new EventIngestor(fixture.Store, fixture.Clock);
        var factory = new S3EventFactory(fixture.Clock);

        var created = await ingestor.IngestAsync(factory.ObjectCreated("raw", "a.csv", 5, "e"), None);
        Assert.Equal(["all", "csv"], created.Starts.Select(s => s.WorkflowId));
        Assert.All(created.Starts, s => Assert.Equal(IngestOutcome.Started, s.Outcome));
        Assert.Empty((await ingestor.IngestAsync(factory.ObjectCreated("other-bucket", "a.csv", 5, "e"), None)).Starts);

        // A workflow published after the ingestor was created is seen at once (the index follows the store's stamp).
        await fixture.PublishAsync("late", """[{"type": "S3ObjectCreated", "bucket": "raw"}]""");
        Assert.Contains("late", (await ingestor.IngestAsync(factory.ObjectCreated("raw", "b.json", 5, "e"), None)).Starts.Select(s => s.WorkflowId));
    }

    [Fact]
    public async Task Batched_triggers_collect_events_of_one_prefix_into_one_start()
    {
        await using var fixture = await IngestionFixture.CreateAsync();
        await fixture.PublishAsync("batch", """[{"type": "S3ObjectCreated", "bucket": "raw", "batch": {"window": "60s", "groupBy": "prefix"}}]""");
        var ingestor = new EventIngestor(fixture.Store, fixture.Clock);
        var factory = new S3EventFactory(fixture.Clock);
        var a = factory.ObjectCreated("raw", "day1/a.csv", 5, "e");

        var results = new List<IngestionResult>
        {
            await ingestor.IngestAsync(a, None),
            await ingestor.IngestAsync(factory.ObjectCreated("raw", "day1/b.csv", 5, "e"), None),
            await ingestor.IngestAsync(a, None),
            await ingestor.IngestAsync(factory.ObjectCreated("raw", "day2/c.csv", 5, "e"), None),
        };

        Assert.Equal([IngestOutcome.Batched, IngestOutcome.Batched, IngestOutcome.Duplicate, IngestOutcome.Batched], results.Select(r => r.Starts[0].Outcome));
        Assert.Equal(results[0].Starts[0].BatchItemId, results[1].Starts[0].BatchItemId);
        Assert.NotEqual(results[0].Starts[0].BatchItemId, results[3].Starts[0].BatchItemId);
        Assert.Equal((0, 2), await fixture.Store.Work.CountAsync(fixture.Clock.Now, None));
        Assert.Equal((2, 2), await fixture.Store.Work.CountAsync(fixture.Clock.Now.AddSeconds(60), None));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"source": "aws.s3"}""")]
    [InlineData("""{"id": "", "source": "s", "detail-type": "t", "account": "1", "time": "2021-11-12T00:00:00Z", "region": "r", "detail": {}}""")]
    public async Task Input_that_is_not_an_event_is_rejected(string text)
    {
        await using var fixture = await IngestionFixture.CreateAsync();
        await Assert.ThrowsAsync<InvalidEventException>(() => new EventIngestor(fixture.Store, fixture.Clock).IngestAsync(text, None));
    }
}
