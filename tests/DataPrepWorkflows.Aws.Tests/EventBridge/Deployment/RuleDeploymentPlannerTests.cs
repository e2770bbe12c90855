using System.Text.Json.Nodes;
using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Aws.Tests.EventBridge.Deployment;

public sealed class RuleDeploymentPlannerTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:dataprep-events";
    private readonly RuleDeploymentPlanner _planner = new(new RawEventBridgeTriggerPatterns());

    [Fact]
    public void Every_event_trigger_becomes_one_rule_named_by_workflow_and_position_targeting_the_queue()
    {
        var workflow = Workflow("loans",
            Trigger("Schedule", ("cron", JsonValue.Create("0 * * * *"))),
            Trigger("EventBridge", ("pattern", JsonNode.Parse("""{"source":["aws.s3"]}"""))),
            Trigger("EventBridge", ("pattern", JsonValue.Create("""{"source":["my.app"]}"""))));

        var plan = _planner.Plan([("loans.json", workflow)], QueueArn, "data-bus");

        Assert.Empty(plan.Problems);
        Assert.Equal(["dataprep-loans-2", "dataprep-loans-3"], plan.Rules.Select(r => r.PutRule.Name));
        var first = plan.Rules[0];
        Assert.Equal("""{"source":["aws.s3"]}""", first.PutRule.EventPattern);
        Assert.Equal("ENABLED", first.PutRule.State);
        Assert.Equal("data-bus", first.PutRule.EventBusName);
        Assert.Equal(first.PutRule.Name, first.PutTargets.Rule);
        Assert.Equal((RuleDeploymentPlanner.TargetId, QueueArn), (first.PutTargets.Targets[0].Id, first.PutTargets.Targets[0].Arn));
    }

    [Fact]
    public void An_invalid_pattern_is_a_problem_with_AWS_message_naming_the_file_and_trigger()
    {
        var workflow = Workflow("bad",
            Trigger("EventBridge", ("pattern", JsonNode.Parse("""{"source":"aws.s3"}"""))),
            Trigger("EventBridge"),
            Trigger("EventBridge", ("pattern", JsonValue.Create(42))));

        var plan = _planner.Plan([("bad.json", workflow)], QueueArn);

        Assert.Empty(plan.Rules);
        Assert.Equal(["triggers[0]", "triggers[1]", "triggers[2]"], plan.Problems.Select(p => p.Path));
        Assert.All(plan.Problems, p => Assert.Equal("bad.json", p.Source));
        Assert.StartsWith("InvalidEventPatternException", plan.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("needs a 'pattern' input", plan.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("found number", plan.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shorthand_trigger_types_plug_in_through_another_pattern_source()
    {
        var s3 = new FixedPatterns("S3ObjectCreated", """{"source":["aws.s3"],"detail-type":["Object Created"]}""");
        var planner = new RuleDeploymentPlanner(new TriggerPatternSources(s3, new RawEventBridgeTriggerPatterns()));

        var plan = planner.Plan([("w.json", Workflow("w", Trigger("S3ObjectCreated", ("bucket", JsonValue.Create("raw")))))], QueueArn);

        Assert.Equal("""{"source":["aws.s3"],"detail-type":["Object Created"]}""", Assert.Single(plan.Rules).PutRule.EventPattern);
    }

    [Theory]
    [InlineData("loans", 1, "dataprep-loans-1")]
    [InlineData("a/b c", 2, "dataprep-a-b-c-")]
    public void Rule_names_are_deterministic_and_sanitized(string id, int trigger, string expectedStart)
    {
        var name = RuleNames.For(id, trigger);

        Assert.StartsWith(expectedStart, name, StringComparison.Ordinal);
        Assert.Equal(name, RuleNames.For(id, trigger));
        Assert.Matches("^[.\\-_A-Za-z0-9]{1,64}$", name);
    }

    [Fact]
    public void Long_workflow_ids_are_cut_to_64_characters_with_a_hash_that_keeps_them_apart()
    {
        var a = RuleNames.For(new string('x', 70) + "-a", 12);
        var b = RuleNames.For(new string('x', 70) + "-b", 12);

        Assert.Equal(64, a.Length);
        Assert.EndsWith("-12", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:events", true)]
    [InlineData("arn:aws-cn:sqs:cn-north-1:123456789012:events.fifo", true)]
    [InlineData("arn:aws:sns:us-east-1:123456789012:events", false)]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/events", false)]
    public void Queue_ARNs_are_recognised(string arn, bool valid) => Assert.Equal(valid, RuleDeploymentPlanner.IsQueueArn(arn));

    private static WorkflowDefinition Workflow(string id, params TriggerDefinition[] triggers) =>
        new() { Id = id, Version = 1, Name = id, Triggers = triggers };

    private static TriggerDefinition Trigger(string type, params (string Name, JsonNode? Value)[] inputs) =>
        new(type, [.. inputs.Select(i => new KeyValuePair<string, JsonNode?>(i.Name, i.Value))]);

    private sealed class FixedPatterns(string type, string pattern) : ITriggerPatternSource
    {
        public string? PatternFor(TriggerDefinition trigger) => trigger.Type == type ? pattern : null;
    }
}
