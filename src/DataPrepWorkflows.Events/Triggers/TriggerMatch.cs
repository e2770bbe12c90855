namespace DataPrepWorkflows.Events.Triggers;

/// <summary>A workflow an event starts: the first of its triggers the event matched.</summary>
/// <param name="WorkflowId">The workflow.</param>
/// <param name="Version">The published version the trigger belongs to.</param>
/// <param name="TriggerIndex">The trigger's position in the workflow's <c>triggers</c>.</param>
/// <param name="TriggerType">The trigger type.</param>
/// <param name="Batch">Batching, or <c>null</c> for one run per event.</param>
/// <param name="DedupeWindow">How long the event id is remembered for this workflow.</param>
public sealed record TriggerMatch(string WorkflowId, int Version, int TriggerIndex, string TriggerType, TriggerBatch? Batch, TimeSpan DedupeWindow);
