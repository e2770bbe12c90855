using System.Text.RegularExpressions;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Aws.EventBridge.Deployment;

/// <summary>
/// Plans one EventBridge rule per event trigger of every workflow, each targeting the given SQS queue. Patterns are
/// checked with the product's own pattern compiler first, so an invalid one is reported with AWS's message before
/// anything is sent.
/// </summary>
/// <param name="patterns">Turns triggers into patterns.</param>
public sealed partial class RuleDeploymentPlanner(ITriggerPatternSource patterns)
{
    /// <summary>The id of the queue target on every rule.</summary>
    public const string TargetId = "dataprep-queue";

    /// <summary>Whether <paramref name="arn"/> is an SQS queue ARN (<c>arn:aws:sqs:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>).</summary>
    public static bool IsQueueArn(string arn) => QueueArn().IsMatch(arn);

    /// <summary>Plans the rules.</summary>
    /// <param name="workflows">Each workflow with where it came from (its file), in a stable order.</param>
    /// <param name="queueArn">The SQS queue every rule delivers to.</param>
    /// <param name="eventBusName">The event bus the rules watch.</param>
    public RuleDeploymentPlan Plan(IEnumerable<(string Source, WorkflowDefinition Workflow)> workflows, string queueArn, string eventBusName = "default")
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var rules = new List<PlannedRule>();
        var problems = new List<PlanProblem>();
        foreach (var (source, workflow) in workflows)
        {
            for (var index = 0; index < workflow.Triggers.Count; index++)
            {
                var trigger = workflow.Triggers[index];
                var path = $"triggers[{index}]";
                string? pattern;
                try
                {
                    pattern = patterns.PatternFor(trigger);
                }
                catch (TriggerPatternException ex)
                {
                    problems.Add(new PlanProblem(source, path, ex.Message));
                    continue;
                }

                if (pattern is null)
                {
                    continue;
                }

                var parsed = EventPattern.Parse(pattern);
                if (parsed.Error is { } error)
                {
                    problems.Add(new PlanProblem(source, path, $"{error.Code}: {error.Message}"));
                    continue;
                }

                var name = RuleNames.For(workflow.Id, index + 1);
                var description = $"DataPrepWorkflows: starts workflow '{workflow.Id}' (trigger {index + 1}, {trigger.Type}).";
                rules.Add(new PlannedRule(
                    workflow.Id,
                    index + 1,
                    source,
                    new PutRuleRequest(name)
                    {
                        EventPattern = pattern,
                        State = RuleStates.Enabled,
                        Description = description.Length <= 512 ? description : description[..512],
                        EventBusName = eventBusName,
                    },
                    new PutTargetsRequest(name, [new RuleTarget(TargetId, queueArn)]) { EventBusName = eventBusName }));
            }
        }

        return new RuleDeploymentPlan(rules, problems);
    }

    [GeneratedRegex(@"^arn:aws[a-z\-]*:sqs:[a-z0-9\-]+:\d{12}:[A-Za-z0-9_\-]{1,80}(\.fifo)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueArn();
}
