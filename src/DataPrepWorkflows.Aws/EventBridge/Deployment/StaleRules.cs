namespace DataPrepWorkflows.Aws.EventBridge.Deployment;

/// <summary>
/// Removes the product's rules (<c>dataprep-</c> names) on a bus that a plan no longer contains — triggers deleted from
/// their workflows, workflows deleted — first their targets, then the rule, as EventBridge requires.
/// </summary>
public static class StaleRules
{
    /// <summary>
    /// The <c>dataprep-</c> rules on <paramref name="eventBusName"/> that are not in <paramref name="plan"/>: what
    /// <see cref="RemoveAsync"/> deletes. Read-only (<c>ListRules</c>), so a dry run can show it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindAsync(EventBridgeClient events, RuleDeploymentPlan plan, string eventBusName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(plan);
        var wanted = plan.Rules.Select(r => r.PutRule.Name).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        string? token = null;
        do
        {
            var page = await events.ListRulesAsync(new ListRulesRequest { NamePrefix = RuleNames.Prefix, EventBusName = eventBusName, NextToken = token }, cancellationToken).ConfigureAwait(false);
            stale.AddRange(page.Rules.Select(r => r.Name).Where(name => !wanted.Contains(name)));
            token = page.NextToken;
        }
        while (token is not null);

        return stale;
    }

    /// <summary>Deletes every <c>dataprep-</c> rule on <paramref name="eventBusName"/> that is not in <paramref name="plan"/>; returns their names.</summary>
    /// <remarks>Meant for a folder that holds every workflow deployed to the bus: rules of workflows kept elsewhere would go too.</remarks>
    public static async Task<IReadOnlyList<string>> RemoveAsync(EventBridgeClient events, RuleDeploymentPlan plan, string eventBusName, CancellationToken cancellationToken = default)
    {
        var stale = await FindAsync(events, plan, eventBusName, cancellationToken).ConfigureAwait(false);
        foreach (var name in stale)
        {
            var targets = await events.ListTargetsByRuleAsync(new ListTargetsByRuleRequest(name) { EventBusName = eventBusName }, cancellationToken).ConfigureAwait(false);
            if (targets.Targets.Count > 0)
            {
                await events.RemoveTargetsAsync(new RemoveTargetsRequest(name, [.. targets.Targets.Select(t => t.Id)]) { EventBusName = eventBusName }, cancellationToken).ConfigureAwait(false);
            }

            await events.DeleteRuleAsync(new RuleNameRequest(name) { EventBusName = eventBusName }, cancellationToken).ConfigureAwait(false);
        }

        return stale;
    }
}
