namespace DataPrepWorkflows.Events.Triggers;

/// <summary>One event trigger of a published workflow version, as the trigger index holds it.</summary>
/// <param name="WorkflowId">The workflow.</param>
/// <param name="Version">The published version.</param>
/// <param name="Index">The trigger's position in the workflow's <c>triggers</c>.</param>
/// <param name="TriggerType">One of <see cref="EventTriggerTypes"/>.</param>
/// <param name="Trigger">The compiled trigger.</param>
public sealed record IndexedTrigger(string WorkflowId, int Version, int Index, string TriggerType, CompiledTrigger Trigger);
