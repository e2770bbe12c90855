using System.CommandLine;
using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Cli.Console;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>
/// <c>dataprep events deploy --workflows &lt;folder&gt; --queue-arn &lt;arn&gt; [--event-bus default] [--dry-run] [--prune]</c>:
/// one EventBridge rule per event trigger (<c>dataprep-&lt;workflowId&gt;-&lt;n&gt;</c>) with the trigger's pattern and
/// the queue as target. <c>--dry-run</c> prints the exact requests and calls nothing; <c>--prune</c> also deletes the
/// product's rules whose triggers are gone.
/// </summary>
internal static class EventsDeployCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workflows = new Option<string>("--workflows") { Description = "Folder of workflow files (or one file) whose triggers become rules.", Required = true };
        var queueArn = new Option<string>("--queue-arn") { Description = "ARN of the SQS queue every rule delivers to.", Required = true };
        var eventBus = new Option<string>("--event-bus") { Description = "Event bus the rules watch.", DefaultValueFactory = _ => "default" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the PutRule/PutTargets requests as JSON instead of sending them." };
        var prune = new Option<bool>("--prune") { Description = "Also delete dataprep- rules on the bus whose triggers are no longer in these workflows (the folder must hold every workflow deployed to the bus)." };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "EventBridge endpoint override (e.g. a local emulator); default: AWS_ENDPOINT_URL_EVENTBRIDGE, AWS_ENDPOINT_URL, then AWS." };
        var region = new Option<string?>("--region") { Description = "AWS region; default: AWS_REGION or the profile's." };
        var profile = new Option<string?>("--profile") { Description = "Named profile from the shared AWS config files." };
        var command = new Command("deploy", "Create or update the EventBridge rules of every workflow's event triggers, targeting an SQS queue.")
        {
            workflows, queueArn, eventBus, dryRun, prune, endpoint, region, profile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
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

            if (parse.GetValue(dryRun))
            {
                await output.WriteLineAsync(DeployPlanJson.Write(plan));
                return 0;
            }

            if (plan.Rules.Count == 0 && !parse.GetValue(prune))
            {
                await output.WriteLineAsync($"No event triggers in {found.Count} workflow(s); nothing to deploy.");
                return 0;
            }

            var options = new AwsClientOptions { ServiceUrl = parse.GetValue(endpoint), Region = parse.GetValue(region), Profile = parse.GetValue(profile) };
            var (deployed, removed) = await DeployAsync(options, plan, bus, parse.GetValue(prune), cancellationToken);
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
        return command;
    }

    /// <summary>
    /// The raw <c>EventBridge</c> trigger reads its <c>pattern</c> input; the shorthand S3 trigger types join here as
    /// one more <see cref="ITriggerPatternSource"/> placed before it.
    /// </summary>
    private static ITriggerPatternSource PatternSources() => new TriggerPatternSources(new RawEventBridgeTriggerPatterns());

    private static async Task<(IReadOnlyList<DeployedRule> Deployed, IReadOnlyList<string> Removed)> DeployAsync(
        AwsClientOptions options, RuleDeploymentPlan plan, string bus, bool prune, CancellationToken cancellationToken)
    {
        try
        {
            using var events = new EventBridgeClient(options);
            var deployed = await RuleDeployer.ApplyAsync(events, plan, cancellationToken);
            var removed = prune ? await StaleRules.RemoveAsync(events, plan, bus, cancellationToken) : [];
            return (deployed, removed);
        }
        catch (AwsConfigurationException ex)
        {
            throw new UserError(EventsDeployErrorCodes.AwsConfiguration, ex.Message);
        }
        catch (AwsServiceException ex)
        {
            throw new UserError(EventsDeployErrorCodes.AwsRequestFailed, $"EventBridge {ex.Operation} failed: {ex.ErrorCode}: {ex.ErrorMessage}");
        }
        catch (HttpRequestException ex)
        {
            throw new UserError(EventsDeployErrorCodes.AwsUnreachable, $"EventBridge cannot be reached ({ex.Message}); check --endpoint-url, the network and the region.");
        }
    }
}
