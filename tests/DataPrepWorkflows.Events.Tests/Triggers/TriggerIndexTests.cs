using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Events.S3;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Events.Tests.Triggers;

public sealed class TriggerIndexTests
{
    private static readonly S3EventFactory Factory = new(TimeProvider.System);
    private static readonly ActivityRegistry Registry = ActivityRegistry.WithBuiltIns(typeof(S3ObjectCreatedTrigger).Assembly);

    internal static WorkflowDefinition Workflow(string id, string triggersJson, int version = 1)
    {
        var read = WorkflowFile.Read($$$"""
            {"id": "{{{id}}}", "version": {{{version}}}, "name": "n", "description": "d", "triggers": {{{triggersJson}}},
             "activities": [{"id": "a", "type": "Log", "inputs": {"message": "hi"}}]}
            """, Registry);
        return read.Definition!;
    }

    [Fact]
    public void An_event_starts_every_workflow_whose_trigger_matches_once_each()
    {
        var index = TriggerIndex.FromDefinitions(
        [
            Workflow("csv-loader", """[{"type": "S3ObjectCreated", "bucket": "raw", "keySuffix": ".csv"}, {"type": "S3ObjectCreated", "bucket": "raw", "keyPrefix": "incoming/"}]""", version: 3),
            Workflow("all-raw", """[{"type": "S3ObjectCreated", "bucket": "raw", "batch": {"window": "60s"}}]"""),
            Workflow("cleanup", """[{"type": "S3ObjectDeleted", "bucket": "raw"}]"""),
            Workflow("scheduled", "[]"),
        ]);
        Assert.Equal(4, index.Count);

        var matches = index.Match(Factory.ObjectCreated("raw", "incoming/a.csv", 5, "e").ToJson());
        Assert.Equal(["all-raw", "csv-loader"], matches.Select(m => m.WorkflowId));
        var loader = matches[1];
        Assert.Equal((3, 0, "S3ObjectCreated"), (loader.Version, loader.TriggerIndex, loader.TriggerType));
        Assert.Null(loader.Batch);
        Assert.Equal(TimeSpan.FromSeconds(60), matches[0].Batch!.Window);

        Assert.Equal(1, Assert.Single(index.Match(Factory.ObjectCreated("raw", "incoming/a.json", 5, "e").ToJson().Replace("all-raw", "", StringComparison.Ordinal)), m => m.WorkflowId == "csv-loader").TriggerIndex);
        Assert.Equal(["cleanup"], index.Match(Factory.ObjectDeleted("raw", "a.csv").ToJson()).Select(m => m.WorkflowId));
        Assert.Empty(index.Match(Factory.ObjectCreated("other", "a.csv", 5, "e").ToJson()));
    }

    [Fact]
    public void Stored_form_rebuilds_the_same_index()
    {
        var workflow = Workflow("w", """[{"type": "EventBridge", "pattern": {"source": ["my.app"]}}, {"type": "S3ObjectCreated", "bucket": "raw", "dedupeWindow": "1h"}]""");
        var stored = TriggerIndex.TriggersOf(workflow)
            .Select(t => new IndexedTrigger(t.WorkflowId, t.Version, t.Index, t.TriggerType, CompiledTrigger.FromPayloadJson(t.TriggerType, t.Trigger.ToPayloadJson())));
        var index = TriggerIndex.Build(stored);
        var match = Assert.Single(index.Match(Factory.ObjectCreated("raw", "k", 1, "e").ToJson()));
        Assert.Equal((1, TimeSpan.FromHours(1)), (match.TriggerIndex, match.DedupeWindow));
    }

    [Fact]
    public void Empty_index_matches_nothing() => Assert.Empty(TriggerIndex.Empty.Match("""{"source": "aws.s3"}"""));

    [Fact]
    public void An_invalid_trigger_cannot_be_indexed() =>
        Assert.Throws<InvalidOperationException>(() => TriggerIndex.FromDefinitions([Workflow("w", """[{"type": "S3ObjectCreated", "bucket": "UPPER"}]""")]));
}
