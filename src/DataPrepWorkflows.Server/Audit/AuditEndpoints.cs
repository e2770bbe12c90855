using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Audit;

/// <summary><c>GET /api/v1/audit</c>: the audit log, newest first (admin).</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync)
            .RequireAuthorization(RolePolicies.Admin)
            .WithName("ListAudit")
            .WithTags("Audit")
            .WithSummary("The audit log of mutations, newest first; filter by actor or target.");
    }

    private static async Task<IResult> ListAsync(IRuntimeStore store, string? actor, string? target, int? pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (Requests.QueryRange.Count("pageSize", pageSize, 50, Requests.QueryRange.MaxPageSize, out var size) is { } problem)
        {
            return problem;
        }

        Page<AuditRecord> page;
        try
        {
            page = await store.Audit.ListAsync(actor, target, size, pageToken, cancellationToken);
        }
        catch (PersistenceException e) when (e.Code == Requests.PageTokens.InvalidCode)
        {
            return Requests.PageTokens.Invalid();
        }

        var items = page.Items.Select(r => (JsonNode?)new JsonObject
        {
            ["sequence"] = r.Sequence,
            ["timestamp"] = r.Timestamp,
            ["actor"] = r.Actor,
            ["role"] = r.Role,
            ["action"] = r.Action,
            ["target"] = r.Target,
            ["details"] = r.DetailsJson is null ? null : JsonNode.Parse(r.DetailsJson),
            ["remoteAddress"] = r.RemoteAddress,
        }).ToArray();
        return Results.Json(new JsonObject { ["items"] = new JsonArray(items), ["nextPageToken"] = page.NextPageToken });
    }
}
