namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>Stable error codes of <c>dataprep events deploy</c> (range DPC030–DPC039).</summary>
internal static class EventsDeployErrorCodes
{
    /// <summary><c>--workflows</c> is neither a folder nor a workflow file.</summary>
    public const string WorkflowsNotFound = "DPC030";

    /// <summary><c>--queue-arn</c> is not an SQS queue ARN.</summary>
    public const string InvalidQueueArn = "DPC031";

    /// <summary>A trigger cannot become a rule (invalid pattern, missing <c>pattern</c> input).</summary>
    public const string InvalidTrigger = "DPC032";

    /// <summary>No AWS region or credentials, an unknown profile or a malformed endpoint.</summary>
    public const string AwsConfiguration = "DPC033";

    /// <summary>EventBridge refused a request (access denied, limits, invalid pattern on AWS's side).</summary>
    public const string AwsRequestFailed = "DPC034";

    /// <summary>A workflow file is not valid JSON or not a workflow.</summary>
    public const string InvalidWorkflowFile = "DPC035";

    /// <summary>The EventBridge endpoint cannot be reached.</summary>
    public const string AwsUnreachable = "DPC036";

    /// <summary><c>--apply</c> together with <c>--dry-run</c> or <c>--offline</c>.</summary>
    public const string ConflictingModes = "DPC037";
}
