using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Server.Audit;

/// <summary>Records every mutation the API performs in the store's audit log: who (the key's name and role), what, which thing, when, from where.</summary>
internal sealed class AuditTrail(IRuntimeStore store, TimeProvider time)
{
    public Task RecordAsync(HttpContext context, string action, string target, JsonObject? details = null)
    {
        var user = context.User;
        return RecordAsync(context, RolePolicies.ActorOf(user), RolePolicies.RoleOf(user) is { } role ? ApiRoles.Name(role) : "none", action, target, details);
    }

    /// <summary>Records a mutation by a caller that is not an API key (an event connection).</summary>
    public Task RecordAsync(HttpContext context, string actor, string role, string action, string target, JsonObject? details)
    {
        var record = new AuditRecord(
            time.GetUtcNow(),
            actor,
            role,
            action,
            target,
            details?.ToJsonString(),
            context.Connection.RemoteIpAddress?.ToString());
        return store.Audit.AppendAsync(record, context.RequestAborted);
    }
}
