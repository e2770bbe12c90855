namespace DataPrepWorkflows.Aws.EventBridge;

/// <summary>The states a rule can be in.</summary>
public static class RuleStates
{
    /// <summary>The rule matches events.</summary>
    public const string Enabled = "ENABLED";

    /// <summary>The rule exists but matches nothing.</summary>
    public const string Disabled = "DISABLED";
}

/// <summary><c>PutRule</c> input: creates the rule or replaces its definition.</summary>
/// <param name="Name">Up to 64 characters of letters, digits, <c>.</c>, <c>-</c> and <c>_</c>.</param>
public sealed record PutRuleRequest(string Name)
{
    /// <summary>The event pattern as JSON text.</summary>
    public string? EventPattern { get; init; }

    /// <summary>A schedule (<c>rate(5 minutes)</c>, <c>cron(…)</c>) instead of a pattern.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary><see cref="RuleStates.Enabled"/> or <see cref="RuleStates.Disabled"/>; AWS's default is enabled.</summary>
    public string? State { get; init; }

    /// <summary>Up to 512 characters shown in the console.</summary>
    public string? Description { get; init; }

    /// <summary>The event bus name or ARN; <c>default</c> when unset.</summary>
    public string? EventBusName { get; init; }
}

/// <summary><c>PutRule</c> output.</summary>
/// <param name="RuleArn">The rule's ARN.</param>
public sealed record PutRuleResponse(string RuleArn);

/// <summary><c>DescribeRule</c> and <c>DeleteRule</c> input.</summary>
/// <param name="Name">The rule.</param>
public sealed record RuleNameRequest(string Name)
{
    /// <summary>The event bus name or ARN; <c>default</c> when unset.</summary>
    public string? EventBusName { get; init; }
}

/// <summary><c>DescribeRule</c> output.</summary>
/// <param name="Name">The rule.</param>
/// <param name="Arn">Its ARN.</param>
public sealed record DescribeRuleResponse(string Name, string Arn)
{
    /// <summary>The pattern as JSON text.</summary>
    public string? EventPattern { get; init; }

    /// <summary>The schedule, for scheduled rules.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? State { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The bus the rule belongs to.</summary>
    public string? EventBusName { get; init; }
}

/// <summary><c>ListRules</c> input.</summary>
public sealed record ListRulesRequest
{
    /// <summary>Only rules whose name starts with this.</summary>
    public string? NamePrefix { get; init; }

    /// <summary>The event bus name or ARN; <c>default</c> when unset.</summary>
    public string? EventBusName { get; init; }

    /// <summary>The token of the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary>1–100 rules per page.</summary>
    public int? Limit { get; init; }
}

/// <summary>A rule in a <c>ListRules</c> page.</summary>
/// <param name="Name">The rule.</param>
/// <param name="Arn">Its ARN.</param>
public sealed record RuleSummary(string Name, string Arn)
{
    /// <summary>The pattern as JSON text.</summary>
    public string? EventPattern { get; init; }

    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? State { get; init; }

    /// <summary>The bus the rule belongs to.</summary>
    public string? EventBusName { get; init; }
}

/// <summary><c>ListRules</c> output.</summary>
public sealed record ListRulesResponse
{
    /// <summary>The rules of this page.</summary>
    public IReadOnlyList<RuleSummary> Rules { get; init; } = [];

    /// <summary>The token of the next page, when there is one.</summary>
    public string? NextToken { get; init; }
}
