namespace DataPrepWorkflows.Persistence;

/// <summary>One trigger of a published workflow version, as the trigger index stores it.</summary>
/// <param name="WorkflowId">The workflow.</param>
/// <param name="Version">The published version it belongs to.</param>
/// <param name="Index">The trigger's position in the workflow's <c>triggers</c> list.</param>
/// <param name="TriggerType">The trigger type (<c>S3ObjectCreated</c>, <c>EventBridge</c>, <c>Cron</c>, <c>HttpEndpoint</c>, …).</param>
/// <param name="Key">A lookup key the trigger type defines (an HTTP method and path, a schedule id), or <c>null</c>.</param>
/// <param name="PayloadJson">What the trigger type indexes (a compiled event pattern, a cron expression, …).</param>
public sealed record StoredTrigger(string WorkflowId, int Version, int Index, string TriggerType, string? Key, string PayloadJson);
