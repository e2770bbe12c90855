using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Health;

/// <summary>
/// <c>/health</c> (the process answers; open to anyone) and <c>/ready</c> (the store is reachable with its migrations
/// applied, and the runtime node's loop is running; 503 otherwise).
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Json(new JsonObject { ["status"] = "ok" }))
            .AllowAnonymous().WithTags("Health").WithName("Health").WithSummary("Liveness: the process answers.");
        app.MapGet("/ready", ReadyAsync)
            .AllowAnonymous().WithTags("Health").WithName("Ready").WithSummary("Readiness: store reachable, migrations applied, node loop running.");
    }

    private static async Task<IResult> ReadyAsync(ServerComponents components, CancellationToken cancellationToken)
    {
        string store;
        try
        {
            // Opening the store applied its migrations, so a store that answers a query is migrated.
            await components.Store.Work.CountAsync(components.Time.GetUtcNow(), cancellationToken);
            store = "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            store = "unreachable: " + e.GetType().Name;
        }

        var node = components.NodeRunning() ? "ok" : "stopped";
        var ready = store == "ok" && node == "ok";
        return Results.Json(
            new JsonObject
            {
                ["status"] = ready ? "ready" : "not ready",
                ["store"] = store,
                ["provider"] = components.Store.Provider,
                ["migrations"] = store == "ok" ? "applied" : "unknown",
                ["node"] = node,
            },
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
