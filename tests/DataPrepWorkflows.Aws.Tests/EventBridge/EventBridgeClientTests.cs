using System.Text.Json;
using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Aws.Tests.Support;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Aws.Tests.EventBridge;

[Collection(MotoServerCollection.Name)]
public sealed class EventBridgeClientTests(MotoServerFixture moto) : IDisposable
{
    private const string Pattern = """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["raw"]}}}""";
    private readonly MotoAws _aws = new(moto);

    [Fact]
    public async Task Rules_targets_and_events_work_against_moto_and_every_request_matches_botocores_model()
    {
        var events = _aws.Events;
        var rule = MotoAws.UniqueName("rule");
        var queueUrl = await _aws.Sqs.CreateQueueAsync(new CreateQueueRequest(MotoAws.UniqueName("target")));
        var queueArn = await _aws.QueueArnAsync(queueUrl);

        var ruleArn = await events.PutRuleAsync(new PutRuleRequest(rule) { EventPattern = Pattern, State = RuleStates.Enabled, Description = "test", EventBusName = "default" });
        Assert.EndsWith("rule/" + rule, ruleArn, StringComparison.Ordinal);
        var described = await events.DescribeRuleAsync(new RuleNameRequest(rule));
        Assert.Equal(ruleArn, described.Arn);
        Assert.Equal(RuleStates.Enabled, described.State);
        Assert.Equal(JsonSerializer.Deserialize<JsonElement>(Pattern).GetRawText(), JsonSerializer.Deserialize<JsonElement>(described.EventPattern!).GetRawText());

        var listed = await events.ListRulesAsync(new ListRulesRequest { NamePrefix = rule, EventBusName = "default", Limit = 10 });
        Assert.Equal(ruleArn, Assert.Single(listed.Rules).Arn);

        var put = await events.PutTargetsAsync(new PutTargetsRequest(rule, [new RuleTarget("queue", queueArn)
        {
            DeadLetterConfig = new DeadLetterConfig(queueArn),
            RetryPolicy = new RetryPolicy { MaximumRetryAttempts = 3, MaximumEventAgeInSeconds = 3600 },
        }]));
        Assert.Equal(0, put.FailedEntryCount);
        var targets = await events.ListTargetsByRuleAsync(new ListTargetsByRuleRequest(rule));
        Assert.Equal(queueArn, Assert.Single(targets.Targets).Arn);

        var time = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var result = await events.PutEventsAsync(new PutEventsRequest([new PutEventsEntry("aws.s3", "Object Created", """{"bucket":{"name":"raw"},"object":{"key":"a.csv"}}""")
        {
            Time = time,
            Resources = ["arn:aws:s3:::raw"],
        }]));
        Assert.Equal(0, result.FailedEntryCount);
        var eventId = Assert.Single(result.Entries).EventId;

        var delivered = await _aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { WaitTimeSeconds = 2 });
        Assert.True(DeliveredEvent.TryRead(Assert.Single(delivered).Body, queueUrl, out var evt, out var error), error);
        Assert.Equal(eventId, evt.Id);
        Assert.Equal("Object Created", evt.DetailType);
        Assert.Equal(time, evt.Time);

        // moto accepts TestEventPattern but answers with an empty body: only the request (checked against the model
        // below) is exercised here; matching itself is the Events project's conformance suite.
        await events.TestEventPatternAsync(new TestEventPatternRequest(Pattern, evt.ToJson()));

        var removed = await events.RemoveTargetsAsync(new RemoveTargetsRequest(rule, ["queue"]));
        Assert.Equal(0, removed.FailedEntryCount);
        await events.DeleteRuleAsync(new RuleNameRequest(rule));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => events.DescribeRuleAsync(new RuleNameRequest(rule)));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);

        var operations = _aws.Recorder.Requests.Where(r => r.Target.StartsWith("AWSEvents.", StringComparison.Ordinal)).Select(r => r.Operation).ToHashSet();
        Assert.Superset(operations, new HashSet<string>
        {
            "PutRule", "PutTargets", "DescribeRule", "ListRules", "ListTargetsByRule", "RemoveTargets", "DeleteRule", "PutEvents", "TestEventPattern",
        });
        _aws.AssertRequestsMatchModels();
    }

    [Fact]
    public void Request_json_for_dry_runs_is_what_the_client_sends()
    {
        var json = EventBridgeClient.RequestJson(new PutTargetsRequest("r", [new RuleTarget("queue", "arn:aws:sqs:us-east-1:123456789012:q")]));

        Assert.Equal("""{"Rule":"r","Targets":[{"Id":"queue","Arn":"arn:aws:sqs:us-east-1:123456789012:q"}]}""", json);
    }

    public void Dispose() => _aws.Dispose();
}
