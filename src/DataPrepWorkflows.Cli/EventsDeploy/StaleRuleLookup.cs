using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.EventBridge.Deployment;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>
/// The product's rules (<c>dataprep-</c> names) on a bus that a plan no longer contains: what an apply will delete.
/// Read-only (<c>ListRules</c>), so a dry run can show it.
/// </summary>
internal static class StaleRuleLookup
{
    public static async Task<IReadOnlyList<string>> FindAsync(EventBridgeClient events, RuleDeploymentPlan plan, string eventBusName, CancellationToken cancellationToken)
    {
        var wanted = plan.Rules.Select(r => r.PutRule.Name).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        string? token = null;
        do
        {
            var page = await events.ListRulesAsync(new ListRulesRequest { NamePrefix = RuleNames.Prefix, EventBusName = eventBusName, NextToken = token }, cancellationToken);
            stale.AddRange(page.Rules.Select(r => r.Name).Where(name => !wanted.Contains(name)));
            token = page.NextToken;
        }
        while (token is not null);

        return stale;
    }
}
