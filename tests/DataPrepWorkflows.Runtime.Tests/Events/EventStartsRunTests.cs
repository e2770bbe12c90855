using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Events.S3;
using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Runtime.Tests.Events;

/// <summary>From an event to a finished run through a real node: the event is the instance's trigger.</summary>
public sealed class EventStartsRunTests
{
    [Fact]
    public async Task An_ingested_event_runs_the_workflow_once_with_the_event_as_trigger()
    {
        await using var fixture = await IngestionFixture.CreateAsync();
        await fixture.PublishAsync("loader", """[{"type": "S3ObjectCreated", "bucket": "raw"}]""");
        var @event = new S3EventFactory(fixture.Clock).ObjectCreated("raw", "a.csv", 5, "e");
        var ingestor = new EventIngestor(fixture.Store, fixture.Clock);
        var started = Assert.Single((await ingestor.IngestAsync(@event, CancellationToken.None)).Starts);
        Assert.True((await ingestor.IngestAsync(@event, CancellationToken.None)).Duplicate);

        await using var node = fixture.Node(TimeProvider.System);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var running = node.RunAsync(stop.Token);
        var record = await node.WaitAsync(started.InstanceId!, TimeSpan.FromSeconds(30), CancellationToken.None);
        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);

        var items = await fixture.Store.Work.ListForInstanceAsync(started.InstanceId!, CancellationToken.None);
        Assert.True(record is not null, string.Join("; ", items.Select(i => $"{i.Attempts} {i.LeaseOwner} {i.DueAt} {i.LastError}")));
        Assert.Equal(WorkflowStatus.Finished, record.Status);
        Assert.Equal(@event.Id, record.CorrelationId);
        var stored = await fixture.Store.Instances.GetAsync(started.InstanceId!, CancellationToken.None);
        Assert.Contains(@event.Id, System.Text.Encoding.UTF8.GetString(stored!.State.Span), StringComparison.Ordinal);
        Assert.Single((await fixture.Store.Instances.ListAsync(new DataPrepWorkflows.Persistence.InstanceQuery { WorkflowId = "loader" }, CancellationToken.None)).Items);
    }
}
