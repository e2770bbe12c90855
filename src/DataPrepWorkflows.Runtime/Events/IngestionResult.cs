namespace DataPrepWorkflows.Runtime.Events;

/// <summary>What ingesting one event did.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Starts">One entry per workflow the event matched, ordered by workflow id (empty when none matched).</param>
public sealed record IngestionResult(string EventId, IReadOnlyList<IngestedStart> Starts)
{
    /// <summary>Whether the event matched workflows and every one of them had already accepted it.</summary>
    public bool Duplicate => Starts.Count > 0 && Starts.All(s => s.Outcome == IngestOutcome.Duplicate);

    /// <summary>Whether anything new was recorded (a start or a batch entry).</summary>
    public bool Accepted => Starts.Any(s => s.Outcome != IngestOutcome.Duplicate);
}

/// <summary>What the event did for one workflow.</summary>
/// <param name="WorkflowId">The workflow.</param>
/// <param name="Version">The published version that will run.</param>
/// <param name="TriggerIndex">The trigger that matched (its position in the workflow's <c>triggers</c>).</param>
/// <param name="Outcome">Started, added to a batch, or a duplicate.</param>
/// <param name="InstanceId">The instance that will run (a start), or <c>null</c>.</param>
/// <param name="BatchItemId">The batch's work item (a batched trigger), or <c>null</c>.</param>
public sealed record IngestedStart(string WorkflowId, int Version, int TriggerIndex, IngestOutcome Outcome, string? InstanceId, string? BatchItemId);

/// <summary>What an event did for one workflow.</summary>
public enum IngestOutcome
{
    /// <summary>A durable start was recorded; the instance runs when a node claims it.</summary>
    Started,

    /// <summary>The event joined the workflow's open batch (or opened one); one run starts when the batch is due.</summary>
    Batched,

    /// <summary>The event id was already accepted for this workflow within the deduplication window: nothing was recorded.</summary>
    Duplicate,
}
