using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Execution;

/// <summary>Turns an engine state and journal into the rows a commit writes.</summary>
internal static class CommitMapper
{
    public static InstanceRecord Instance(WorkflowInstanceState state, ReadOnlyMemory<byte> json, long revision, string? gitCommit, DateTimeOffset now) => new()
    {
        InstanceId = state.InstanceId,
        WorkflowId = state.WorkflowId,
        WorkflowVersion = state.WorkflowVersion,
        Status = state.Status,
        CorrelationId = state.CorrelationId,
        ParentInstanceId = state.ParentInstanceId,
        GitCommit = gitCommit,
        CreatedAt = state.CreatedAt,
        UpdatedAt = now,
        FinishedAt = state.FinishedAt,
        NextTimerAt = state.Status == WorkflowStatus.Suspended ? state.NextTimerDue() : null,
        ErrorMessage = state.Error?.Cause,
        State = json,
        Revision = revision,
    };

    /// <summary>Every pending bookmark of the instance and of its suspended children, with its <see cref="LookupKey"/>.</summary>
    public static List<BookmarkRecord> Bookmarks(WorkflowInstanceState root)
    {
        var records = new List<BookmarkRecord>();
        Collect(root, root, records);
        return records;
    }

    private static void Collect(WorkflowInstanceState root, WorkflowInstanceState state, List<BookmarkRecord> records)
    {
        foreach (var pending in state.Bookmarks)
        {
            var bookmark = pending.Bookmark;
            var type = pending.Kind == BookmarkKind.Retry
                ? "Retry"
                : state.Scopes.TryGetValue(pending.ScopeId, out var scope) && scope.Activities.TryGetValue(bookmark.ActivityId, out var activity)
                    ? activity.Type
                    : "";
            records.Add(new BookmarkRecord(
                bookmark.Id, root.InstanceId, root.WorkflowId, bookmark.ActivityId, type, bookmark.Name, LookupKey.Of(bookmark.Payload),
                bookmark.Payload?.ToJsonString(), bookmark.ResumeAt, bookmark.CreatedAt));
        }

        foreach (var child in state.Children)
        {
            Collect(root, child.Instance, records);
        }
    }

    public static List<JournalRecord> Journal(string rootInstanceId, IEnumerable<JournalEntry> entries)
    {
        var records = new List<JournalRecord>();
        foreach (var entry in entries)
        {
            records.Add(new JournalRecord(
                entry.WorkflowInstanceId, entry.Sequence, entry.Timestamp, entry.Event.ToString(), entry.ActivityId,
                entry.ActivityType, entry.ToJson(), rootInstanceId));
        }

        return records;
    }

    /// <summary>An incident when the instance faulted in this call.</summary>
    public static IncidentRecord? Incident(WorkflowInstanceState state, WorkflowStatus before, DateTimeOffset now)
    {
        if (state.Status != WorkflowStatus.Faulted || before == WorkflowStatus.Faulted || state.Error is not { } error)
        {
            return null;
        }

        var type = "";
        if (error.ActivityId.Length > 0)
        {
            foreach (var scope in state.Scopes.Values)
            {
                if (scope.Activities.TryGetValue(error.ActivityId, out var activity))
                {
                    type = activity.Type;
                    break;
                }
            }
        }

        return new IncidentRecord(Guid.NewGuid().ToString("N"), state.InstanceId, state.WorkflowId, error.ActivityId, type, error.Error, error.Cause, now, null);
    }
}
