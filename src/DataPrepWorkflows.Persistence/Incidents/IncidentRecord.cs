namespace DataPrepWorkflows.Persistence;

/// <summary>A fault that needs attention (an activity faulted with no retrier or catcher left, an interrupted step that may not be re-run).</summary>
/// <param name="IncidentId">The incident id.</param>
/// <param name="InstanceId">The faulted instance.</param>
/// <param name="WorkflowId">Its workflow.</param>
/// <param name="ActivityId">The activity that faulted, or empty for the workflow itself.</param>
/// <param name="ActivityType">The activity's type.</param>
/// <param name="ErrorType">The error type (<c>States.Timeout</c>, an exception type, …).</param>
/// <param name="Message">The error message.</param>
/// <param name="CreatedAt">When it happened.</param>
/// <param name="ResolvedAt">When a retry or cancel resolved it, or <c>null</c> while open.</param>
public sealed record IncidentRecord(
    string IncidentId,
    string InstanceId,
    string WorkflowId,
    string ActivityId,
    string ActivityType,
    string ErrorType,
    string Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt);
