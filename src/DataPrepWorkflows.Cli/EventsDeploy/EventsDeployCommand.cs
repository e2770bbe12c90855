using System.CommandLine;
using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Cli.Console;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>
/// <c>dataprep events deploy --workflows &lt;folder&gt; --queue-arn &lt;arn&gt; [--event-bus default] [--apply] [--offline]</c>:
/// one EventBridge rule per event trigger (<c>dataprep-&lt;workflowId&gt;-&lt;n&gt;</c>) with the trigger's pattern and
/// the queue as target, and deletion of the product's rules whose triggers are gone. A dry run by default: it prints
/// the plan (requests to send, rules to delete); <c>--apply</c> carries it out.
/// </summary>
internal static class EventsDeployCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workflows = new Option<string>("--workflows") { Description = "Folder of workflow files (or one file) whose triggers become rules; it must hold every workflow deployed to the bus.", Required = true };
        var queueArn = new Option<string>("--queue-arn") { Description = "ARN of the SQS queue every rule delivers to.", Required = true };
        var eventBus = new Option<string>("--event-bus") { Description = "Event bus the rules watch.", DefaultValueFactory = _ => "default" };
        var apply = new Option<bool>("--apply") { Description = "Carry out the plan: create or update the rules and delete the stale dataprep- rules. Without it the plan is only printed." };
        var offline = new Option<bool>("--offline") { Description = "Dry run without reading the bus: prints the PutRule/PutTargets requests only (no AWS call, so no rules to delete)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan without changing anything (the default).", Hidden = true };
        var prune = new Option<bool>("--prune") { Description = "Accepted for older scripts: deleting stale dataprep- rules is always part of the plan.", Hidden = true };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "EventBridge endpoint override (e.g. a local emulator); default: AWS_ENDPOINT_URL_EVENTBRIDGE, AWS_ENDPOINT_URL, then AWS." };
        var region = new Option<string?>("--region") { Description = "AWS region; default: AWS_REGION or the profile's." };
        var profile = new Option<string?>("--profile") { Description = "Named profile from the shared AWS config files." };
        var command = new Command("deploy", "Plan (or with --apply, carry out) the EventBridge rules of every workflow's event triggers, targeting an SQS queue, and the removal of rules whose triggers are gone.")
        {
            workflows, queueArn, eventBus, apply, offline, dryRun, prune, endpoint, region, profile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var applying = parse.GetValue(apply);
            if (applying && (parse.GetValue(dryRun) || parse.GetValue(offline)))
            {
                throw new UserError(EventsDeployErrorCodes.ConflictingModes, "--apply cannot be combined with --dry-run or --offline; drop one of them.");
            }

            var arn = parse.GetRequiredValue(queueArn);
            if (!RuleDeploymentPlanner.IsQueueArn(arn))
            {
                throw new UserError(EventsDeployErrorCodes.InvalidQueueArn, $"--queue-arn: '{arn}' is not an SQS queue ARN such as arn:aws:sqs:us-east-1:123456789012:dataprep-events.");
            }

            var bus = parse.GetValue(eventBus) ?? "default";
            var found = await TriggerWorkflows.ReadAsync(parse.GetRequiredValue(workflows), error);
            var plan = new RuleDeploymentPlanner(PatternSources()).Plan(found, arn, bus);
            foreach (var problem in plan.Problems)
            {
                await error.WriteLineAsync($"{problem.Source}: {problem.Path}: {problem.Message}");
            }

            if (plan.Problems.Count > 0)
            {
                throw new UserError(EventsDeployErrorCodes.InvalidTrigger, $"{plan.Problems.Count} trigger(s) cannot be deployed (listed above); fix them and deploy again.");
            }

            if (parse.GetValue(offline))
            {
                await output.WriteLineAsync(DeployPlanJson.Write(plan, bus, null));
                return 0;
            }

            var options = new AwsClientOptions { ServiceUrl = parse.GetValue(endpoint), Region = parse.GetValue(region), Profile = parse.GetValue(profile) };
            return await AwsErrors.TranslateAsync(async () =>
            {
                using var events = new EventBridgeClient(options);
                if (!applying)
                {
                    var stale = await StaleRules.FindAsync(events, plan, bus, cancellationToken);
                    await output.WriteLineAsync(DeployPlanJson.Write(plan, bus, stale));
                    return 0;
                }

                var deployed = await RuleDeployer.ApplyAsync(events, plan, cancellationToken);
                var removed = await StaleRules.RemoveAsync(events, plan, bus, cancellationToken);
                foreach (var (rule, result) in plan.Rules.Zip(deployed))
                {
                    await output.WriteLineAsync($"{result.Name}  {rule.Source} trigger {rule.TriggerNumber}  {result.RuleArn}");
                }

                foreach (var name in removed)
                {
                    await output.WriteLineAsync($"{name}  removed (its trigger is gone)");
                }

                await output.WriteLineAsync($"{deployed.Count} rule(s) on event bus '{bus}' deliver to {arn}; {removed.Count} removed.");
                return 0;
            });
        });
        return command;
    }

    /// <summary>
    /// The shorthand S3 triggers first (compiled as the local trigger index compiles them), then the raw
    /// <c>EventBridge</c> trigger's <c>pattern</c> input.
    /// </summary>
    internal static ITriggerPatternSource PatternSources() =>
        new TriggerPatternSources(new CompiledTriggerPatterns(), new RawEventBridgeTriggerPatterns());
}
