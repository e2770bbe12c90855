using System.Text.Json.Nodes;
using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Aws.Tests.Sources;
using DataPrepWorkflows.Aws.Tests.Support;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Aws.Tests.EventBridge.Deployment;

/// <summary>
/// The AWS set-up end to end on moto: a workflow's trigger deployed as a rule targeting a queue, an S3 "Object Created"
/// event put on the bus, the poller receiving it and handing it to the sink, and the message deleted afterwards.
/// </summary>
[Collection(MotoServerCollection.Name)]
public sealed class DeployAndDeliverTests(MotoServerFixture moto) : IDisposable
{
    private readonly MotoAws _aws = new(moto);

    [Fact]
    public async Task A_deployed_trigger_rule_delivers_a_matching_S3_event_through_the_queue_to_the_sink_once()
    {
        var bucket = MotoAws.UniqueName("raw");
        var workflowId = MotoAws.UniqueName("curate-loans");
        var queue = await _aws.Sqs.CreateQueueAsync(new CreateQueueRequest(MotoAws.UniqueName("events")));
        var workflow = new WorkflowDefinition
        {
            Id = workflowId,
            Version = 1,
            Name = "Curate loans",
            Triggers =
            [
                new TriggerDefinition("EventBridge", [new("pattern", JsonNode.Parse(
                    """{"source": ["aws.s3"], "detail-type": ["Object Created"], "detail": {"bucket": {"name": ["BUCKET"]}, "object": {"key": [{"prefix": "incoming/"}]}}}"""
                        .Replace("BUCKET", bucket, StringComparison.Ordinal)))]),
            ],
        };

        var plan = new RuleDeploymentPlanner(new RawEventBridgeTriggerPatterns()).Plan([("curate.json", workflow)], await _aws.QueueArnAsync(queue));
        var deployed = Assert.Single(await RuleDeployer.ApplyAsync(_aws.Events, plan));
        Assert.Equal(RuleNames.For(workflowId, 1), deployed.Name);
        Assert.Equal(deployed.RuleArn, (await _aws.Events.DescribeRuleAsync(new RuleNameRequest(deployed.Name))).Arn);

        await PutObjectCreatedAsync(bucket, "elsewhere/skip.csv");
        await PutObjectCreatedAsync(bucket, "incoming/loans.csv");

        var sink = new RecordingSink(EventAcceptance.Accepted);
        using var stop = new CancellationTokenSource();
        var options = new SqsEventSourceOptions { QueueUrls = [queue], WaitTimeSeconds = 1, ReceiversPerQueue = 1 };
        var running = new SqsEventSource(_aws.Sqs, sink, options).RunAsync(stop.Token);

        var (evt, source) = await sink.NextCallAsync();
        await _aws.Recorder.WaitForAsync("DeleteMessage");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("aws.s3", evt.Source);
        Assert.Equal("incoming/loans.csv", evt.Detail.GetProperty("object").GetProperty("key").GetString());
        Assert.Equal(queue, source.Address);
        Assert.Single(sink.Calls);
        var left = await _aws.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(queue, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]));
        Assert.Equal(("0", "0"), (left["ApproximateNumberOfMessages"], left["ApproximateNumberOfMessagesNotVisible"]));
        _aws.AssertRequestsMatchModels();
    }

    private async Task PutObjectCreatedAsync(string bucket, string key)
    {
        var detail = new JsonObject
        {
            ["version"] = "0",
            ["bucket"] = new JsonObject { ["name"] = bucket },
            ["object"] = new JsonObject { ["key"] = key, ["size"] = 5, ["etag"] = "b1946ac92492d2347c6235b4d2611184" },
            ["reason"] = "PutObject",
        };
        var result = await _aws.Events.PutEventsAsync(new PutEventsRequest([new PutEventsEntry("aws.s3", "Object Created", detail.ToJsonString())
        {
            Resources = ["arn:aws:s3:::" + bucket],
        }]));
        Assert.Equal(0, result.FailedEntryCount);
    }

    public void Dispose() => _aws.Dispose();
}
