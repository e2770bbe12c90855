using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Server.Instances;

/// <summary>The JSON the instance endpoints answer with.</summary>
internal static class InstanceJson
{
    public static JsonObject Summary(InstanceRecord i) => new()
    {
        ["instanceId"] = i.InstanceId,
        ["definitionId"] = i.WorkflowId,
        ["version"] = i.WorkflowVersion,
        ["status"] = i.Status.ToString(),
        ["correlationId"] = i.CorrelationId,
        ["parentInstanceId"] = i.ParentInstanceId,
        ["gitCommit"] = i.GitCommit,
        ["createdAt"] = i.CreatedAt,
        ["updatedAt"] = i.UpdatedAt,
        ["finishedAt"] = i.FinishedAt,
        ["nextTimerAt"] = i.NextTimerAt,
        ["errorMessage"] = i.ErrorMessage,
        ["revision"] = i.Revision,
    };

    public static JsonObject Journal(JournalRecord r) => new()
    {
        ["instanceId"] = r.InstanceId,
        ["sequence"] = r.Sequence,
        ["timestamp"] = r.Timestamp,
        ["event"] = r.Event,
        ["activityId"] = r.ActivityId,
        ["activityType"] = r.ActivityType,
        ["entry"] = JsonNode.Parse(r.EntryJson),
    };

    public static JsonObject Incident(IncidentRecord r) => new()
    {
        ["incidentId"] = r.IncidentId,
        ["activityId"] = r.ActivityId,
        ["activityType"] = r.ActivityType,
        ["errorType"] = r.ErrorType,
        ["message"] = r.Message,
        ["createdAt"] = r.CreatedAt,
        ["resolvedAt"] = r.ResolvedAt,
    };

    public static JsonObject Bookmark(BookmarkRecord r) => new()
    {
        ["bookmarkId"] = r.BookmarkId,
        ["activityId"] = r.ActivityId,
        ["activityType"] = r.ActivityType,
        ["name"] = r.Name,
        ["key"] = r.Key,
        ["payload"] = r.PayloadJson is null ? null : JsonNode.Parse(r.PayloadJson),
        ["resumeAt"] = r.ResumeAt,
        ["createdAt"] = r.CreatedAt,
    };

    public static JsonNode? State(InstanceRecord i) =>
        i.State.IsEmpty ? null : JsonNode.Parse(Encoding.UTF8.GetString(i.State.Span));

    public static bool HasEnded(InstanceRecord i) =>
        i.Status is Engine.Execution.WorkflowStatus.Finished or Engine.Execution.WorkflowStatus.Faulted or Engine.Execution.WorkflowStatus.Cancelled;
}
