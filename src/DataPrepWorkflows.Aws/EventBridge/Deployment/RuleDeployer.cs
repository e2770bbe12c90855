using System.Net;
using DataPrepWorkflows.Aws.Protocol;

namespace DataPrepWorkflows.Aws.EventBridge.Deployment;

/// <summary>Applies a plan: <c>PutRule</c> (create or update) then <c>PutTargets</c> for every planned rule, in order.</summary>
public static class RuleDeployer
{
    /// <summary>Creates or updates every rule of <paramref name="plan"/> and points it at its queue.</summary>
    /// <exception cref="InvalidOperationException">The plan has problems.</exception>
    /// <exception cref="AwsServiceException">EventBridge refused a request or a target.</exception>
    public static async Task<IReadOnlyList<DeployedRule>> ApplyAsync(EventBridgeClient events, RuleDeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Problems.Count > 0)
        {
            throw new InvalidOperationException($"The plan has {plan.Problems.Count} problem(s); fix them before deploying.");
        }

        var deployed = new List<DeployedRule>();
        foreach (var rule in plan.Rules)
        {
            var arn = await events.PutRuleAsync(rule.PutRule, cancellationToken).ConfigureAwait(false);
            var targets = await events.PutTargetsAsync(rule.PutTargets, cancellationToken).ConfigureAwait(false);
            if (targets.FailedEntryCount > 0)
            {
                var failure = targets.FailedEntries.FirstOrDefault();
                throw new AwsServiceException(
                    "EventBridge", "PutTargets", failure?.ErrorCode ?? "FailedEntry", $"rule {rule.PutRule.Name}, target {failure?.TargetId}: {failure?.ErrorMessage}", HttpStatusCode.OK, null);
            }

            deployed.Add(new DeployedRule(rule.PutRule.Name, arn));
        }

        return deployed;
    }
}
