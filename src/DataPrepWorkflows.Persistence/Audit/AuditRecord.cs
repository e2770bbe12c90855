namespace DataPrepWorkflows.Persistence;

/// <summary>One mutation recorded in the audit log: who did what to which thing, and when.</summary>
/// <param name="Timestamp">When.</param>
/// <param name="Actor">Who (an API key's name).</param>
/// <param name="Role">The role the actor acted with.</param>
/// <param name="Action">What (for example <c>workflow.publish</c>, <c>instance.cancel</c>).</param>
/// <param name="Target">Which thing (a workflow id and version, an instance id).</param>
/// <param name="DetailsJson">More about it as JSON, or <c>null</c>.</param>
/// <param name="RemoteAddress">Where the request came from, when known.</param>
public sealed record AuditRecord(DateTimeOffset Timestamp, string Actor, string Role, string Action, string Target, string? DetailsJson, string? RemoteAddress)
{
    /// <summary>The store's sequence number (0 before it is appended).</summary>
    public long Sequence { get; init; }
}
