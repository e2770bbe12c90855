using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Collects the journal entries of one engine call (a parent and the children it drives) and forwards each to the
/// observer. Sequence numbers are per instance and kept in the instance state, so they continue across calls.
/// </summary>
internal sealed class JournalWriter(TimeProvider clock, IExecutionObserver? observer, int expectedEntries = 8)
{
    public List<JournalEntry> Entries { get; } = new(expectedEntries);

    public JournalEntry Write(
        WorkflowInstanceState state,
        JournalEvent kind,
        string? activityId = null,
        string? activityType = null,
        string? scopeId = null,
        int? attempt = null,
        TimeSpan? duration = null,
        JsonObject? inputs = null,
        JsonObject? outputs = null,
        IReadOnlyList<string>? outcomes = null,
        ActivityError? error = null,
        string? message = null,
        string? level = null,
        DateTimeOffset? resumeAt = null)
    {
        var entry = new JournalEntry
        {
            Sequence = ++state.JournalSequence,
            WorkflowInstanceId = state.InstanceId,
            Timestamp = clock.GetUtcNow(),
            Event = kind,
            ActivityId = activityId,
            ActivityType = activityType,
            ScopeId = scopeId == ScopeRuntime.RootId ? null : scopeId,
            Attempt = attempt,
            Duration = duration,
            Inputs = inputs,
            Outputs = outputs,
            Outcomes = outcomes,
            Error = error,
            Message = message,
            Level = level,
            ResumeAt = resumeAt,
        };
        Entries.Add(entry);
        observer?.OnJournalEntry(entry);
        return entry;
    }
}
