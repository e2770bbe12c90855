using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Server.Instances;

/// <summary>
/// A start the runtime accepted (a queued start work item) but no node has applied yet: the instance id is known to
/// the caller of dispatch, but there is no instance row. The API shows it as <c>Pending</c> rather than 404.
/// </summary>
internal static class PendingStart
{
    public static async Task<WorkItemRecord?> FindAsync(IRuntimeStore store, string instanceId, CancellationToken cancellationToken)
    {
        var items = await store.Work.ListForInstanceAsync(instanceId, cancellationToken);
        return items.FirstOrDefault(i => i.Kind == WorkKind.Start);
    }

    public static JsonObject Json(WorkItemRecord start) => new()
    {
        ["instanceId"] = start.InstanceId,
        ["definitionId"] = start.WorkflowId,
        ["version"] = start.WorkflowVersion,
        ["status"] = "Pending",
        ["createdAt"] = start.CreatedAt,
        ["dueAt"] = start.DueAt,
    };
}
