namespace DataPrepWorkflows.Persistence;

/// <summary>One persisted journal entry of an instance.</summary>
/// <param name="InstanceId">The instance (for a child workflow run inside its parent: the child's own id).</param>
/// <param name="Sequence">The entry's sequence number (ascending per instance; with <paramref name="InstanceId"/> the key).</param>
/// <param name="Timestamp">When it was written.</param>
/// <param name="Event">The journal event name (<c>Started</c>, <c>Completed</c>, <c>WorkflowSuspended</c>, …).</param>
/// <param name="ActivityId">The activity, when the entry is about one.</param>
/// <param name="ActivityType">The activity's type.</param>
/// <param name="EntryJson">The whole engine entry as JSON (already redacted by the engine).</param>
/// <param name="RootInstanceId">The top-level instance the entry was written under (equals <paramref name="InstanceId"/> unless it is a child's entry).</param>
public sealed record JournalRecord(
    string InstanceId,
    long Sequence,
    DateTimeOffset Timestamp,
    string Event,
    string? ActivityId,
    string? ActivityType,
    string EntryJson,
    string RootInstanceId);
