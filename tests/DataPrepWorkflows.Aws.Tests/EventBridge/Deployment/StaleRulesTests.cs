using System.Text.Json.Nodes;
using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Aws.Tests.Support;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Aws.Tests.EventBridge.Deployment;

[Collection(MotoServerCollection.Name)]
public sealed class StaleRulesTests(MotoServerFixture moto) : IDisposable
{
    private readonly MotoAws _aws = new(moto);

    [Fact]
    public async Task Rules_of_triggers_no_longer_in_the_workflows_are_removed_with_their_targets_and_the_rest_stay()
    {
        var queueArn = await _aws.QueueArnAsync(await _aws.Sqs.CreateQueueAsync(new CreateQueueRequest(MotoAws.UniqueName("prune"))));
        var kept = Workflow(MotoAws.UniqueName("kept"));
        var dropped = Workflow(MotoAws.UniqueName("dropped"));
        var foreign = MotoAws.UniqueName("not-ours");
        await _aws.Events.PutRuleAsync(new PutRuleRequest(foreign) { EventPattern = """{"source":["x"]}""" });
        var planner = new RuleDeploymentPlanner(new RawEventBridgeTriggerPatterns());
        await RuleDeployer.ApplyAsync(_aws.Events, planner.Plan([("kept.json", kept), ("dropped.json", dropped)], queueArn));

        var now = planner.Plan([("kept.json", kept)], queueArn);
        var removed = await StaleRules.RemoveAsync(_aws.Events, now, "default");

        Assert.Contains(RuleNames.For(dropped.Id, 1), removed);
        Assert.DoesNotContain(RuleNames.For(kept.Id, 1), removed);
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Events.DescribeRuleAsync(new RuleNameRequest(RuleNames.For(dropped.Id, 1))));
        Assert.Equal("ResourceNotFoundException", gone.ErrorCode);
        await _aws.Events.DescribeRuleAsync(new RuleNameRequest(RuleNames.For(kept.Id, 1)));
        await _aws.Events.DescribeRuleAsync(new RuleNameRequest(foreign));
        Assert.Contains(_aws.Recorder.Requests, r => r.Operation == "RemoveTargets");
        _aws.AssertRequestsMatchModels();
    }

    public void Dispose() => _aws.Dispose();

    private static WorkflowDefinition Workflow(string id) => new()
    {
        Id = id,
        Version = 1,
        Name = id,
        Triggers = [new TriggerDefinition("EventBridge", [new("pattern", JsonNode.Parse("""{"source":["aws.s3"]}"""))])],
    };
}
