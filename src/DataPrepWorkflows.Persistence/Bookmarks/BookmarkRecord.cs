namespace DataPrepWorkflows.Persistence;

/// <summary>
/// A pending bookmark, indexed so a stimulus (an HTTP call, a labeling job, an external event) finds the instances
/// waiting for it without loading any state document.
/// </summary>
/// <param name="BookmarkId">The engine's bookmark id (unique across instances).</param>
/// <param name="InstanceId">The instance waiting on it.</param>
/// <param name="WorkflowId">The instance's workflow.</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="ActivityType">The waiting activity's type (a stimulus is looked up by type and key).</param>
/// <param name="Name">The bookmark's name as the activity gave it.</param>
/// <param name="Key">A stimulus key the activity derived from its payload (for example an HTTP path), or <c>null</c>.</param>
/// <param name="PayloadJson">The bookmark's payload as JSON, or <c>null</c>.</param>
/// <param name="ResumeAt">When a durable timer bookmark is due, or <c>null</c>.</param>
/// <param name="CreatedAt">When the bookmark was created.</param>
public sealed record BookmarkRecord(
    string BookmarkId,
    string InstanceId,
    string WorkflowId,
    string ActivityId,
    string ActivityType,
    string Name,
    string? Key,
    string? PayloadJson,
    DateTimeOffset? ResumeAt,
    DateTimeOffset CreatedAt);
