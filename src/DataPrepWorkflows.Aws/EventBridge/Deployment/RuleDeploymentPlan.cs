namespace DataPrepWorkflows.Aws.EventBridge.Deployment;

/// <summary>One rule to create or update: the requests exactly as they will be sent.</summary>
/// <param name="WorkflowId">The workflow the trigger belongs to.</param>
/// <param name="TriggerNumber">The trigger's position in the workflow's <c>triggers</c> (1-based).</param>
/// <param name="Source">Where the workflow came from (its file), for messages.</param>
/// <param name="PutRule">The <c>PutRule</c> request.</param>
/// <param name="PutTargets">The <c>PutTargets</c> request.</param>
public sealed record PlannedRule(string WorkflowId, int TriggerNumber, string Source, PutRuleRequest PutRule, PutTargetsRequest PutTargets);

/// <summary>A trigger that cannot become a rule.</summary>
/// <param name="Source">The workflow file.</param>
/// <param name="Path">The trigger's path in the file, e.g. <c>triggers[0].pattern</c>.</param>
/// <param name="Message">What is wrong, in AWS's words for invalid patterns.</param>
public sealed record PlanProblem(string Source, string Path, string Message);

/// <summary>The rules for a set of workflows, and the triggers that could not be planned.</summary>
/// <param name="Rules">Rules in workflow, then trigger order.</param>
/// <param name="Problems">Triggers that cannot be deployed; a plan with problems should not be applied.</param>
public sealed record RuleDeploymentPlan(IReadOnlyList<PlannedRule> Rules, IReadOnlyList<PlanProblem> Problems);

/// <summary>A rule as deployed.</summary>
/// <param name="Name">The rule name.</param>
/// <param name="RuleArn">Its ARN.</param>
public sealed record DeployedRule(string Name, string RuleArn);
