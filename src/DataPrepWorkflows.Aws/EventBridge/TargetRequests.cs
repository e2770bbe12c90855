namespace DataPrepWorkflows.Aws.EventBridge;

/// <summary>Where EventBridge sends events it could not deliver.</summary>
/// <param name="Arn">An SQS queue ARN.</param>
public sealed record DeadLetterConfig(string Arn);

/// <summary>How long EventBridge keeps retrying a failed delivery.</summary>
public sealed record RetryPolicy
{
    /// <summary>0–185 attempts; AWS's default is 185.</summary>
    public int? MaximumRetryAttempts { get; init; }

    /// <summary>60–86,400 seconds; AWS's default is 86,400.</summary>
    public int? MaximumEventAgeInSeconds { get; init; }
}

/// <summary>SQS-specific target settings.</summary>
/// <param name="MessageGroupId">The FIFO message group for the queue target.</param>
public sealed record SqsParameters(string MessageGroupId);

/// <summary>A rule target (the product uses SQS queues).</summary>
/// <param name="Id">Id unique within the rule (up to 64 characters).</param>
/// <param name="Arn">The target's ARN, for example <c>arn:aws:sqs:us-east-1:123456789012:events</c>.</param>
public sealed record RuleTarget(string Id, string Arn)
{
    /// <summary>FIFO queue settings.</summary>
    public SqsParameters? SqsParameters { get; init; }

    /// <summary>The dead-letter queue for undeliverable events.</summary>
    public DeadLetterConfig? DeadLetterConfig { get; init; }

    /// <summary>The delivery retry policy.</summary>
    public RetryPolicy? RetryPolicy { get; init; }
}

/// <summary><c>PutTargets</c> input: adds targets or replaces those with the same ids.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Targets">1–5 targets.</param>
public sealed record PutTargetsRequest(string Rule, IReadOnlyList<RuleTarget> Targets)
{
    /// <summary>The event bus name or ARN; <c>default</c> when unset.</summary>
    public string? EventBusName { get; init; }
}

/// <summary>A target EventBridge refused.</summary>
/// <param name="TargetId">The target id.</param>
/// <param name="ErrorCode">AWS's error code.</param>
/// <param name="ErrorMessage">AWS's message.</param>
public sealed record TargetError(string TargetId, string? ErrorCode, string? ErrorMessage);

/// <summary><c>PutTargets</c> and <c>RemoveTargets</c> output.</summary>
public sealed record TargetsResponse
{
    /// <summary>How many targets failed.</summary>
    public int FailedEntryCount { get; init; }

    /// <summary>The failures.</summary>
    public IReadOnlyList<TargetError> FailedEntries { get; init; } = [];
}

/// <summary><c>ListTargetsByRule</c> input.</summary>
/// <param name="Rule">The rule.</param>
public sealed record ListTargetsByRuleRequest(string Rule)
{
    /// <summary>The event bus name or ARN; <c>default</c> when unset.</summary>
    public string? EventBusName { get; init; }

    /// <summary>The token of the previous page.</summary>
    public string? NextToken { get; init; }

    /// <summary>1–100 targets per page.</summary>
    public int? Limit { get; init; }
}

/// <summary><c>ListTargetsByRule</c> output.</summary>
public sealed record ListTargetsByRuleResponse
{
    /// <summary>The rule's targets.</summary>
    public IReadOnlyList<RuleTarget> Targets { get; init; } = [];

    /// <summary>The token of the next page, when there is one.</summary>
    public string? NextToken { get; init; }
}

/// <summary><c>RemoveTargets</c> input.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Ids">The target ids to remove.</param>
public sealed record RemoveTargetsRequest(string Rule, IReadOnlyList<string> Ids)
{
    /// <summary>The event bus name or ARN; <c>default</c> when unset.</summary>
    public string? EventBusName { get; init; }
}
