using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Runtime.Events;
using DataPrepWorkflows.Server.Audit;
using DataPrepWorkflows.Server.Hosting;
using DataPrepWorkflows.Server.Problems;
using DataPrepWorkflows.Server.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Events;

/// <summary>
/// <c>POST /api/v1/events</c>: an EventBridge event as an API destination delivers it (the event envelope as the body).
/// The caller proves itself with its connection's credentials (API-key header or Basic), not with a server API key;
/// nothing is started unless they match.
/// </summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/events", IngestAsync)
            .AllowAnonymous()
            .WithTags("Events")
            .WithName("IngestEvent")
            .WithSummary("Ingests an EventBridge event (API destination); credentials of a configured connection required.")
            // No Accepts(): any content type is read as JSON, and a request with the wrong one must still meet the
            // connection check (an Accepts() mismatch would answer before it).
            .Produces<JsonObject>(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> IngestAsync(HttpContext context, ServerSettings settings, ServerComponents components, ServerMetrics metrics, AuditTrail audit, CancellationToken cancellationToken)
    {
        var connection = settings.EventConnections.FirstOrDefault(c => c.Accepts(context.Request));
        if (connection is null)
        {
            return new ApiProblem(
                StatusCodes.Status401Unauthorized,
                ProblemCodes.EventUnauthenticated,
                "Event credentials required",
                settings.EventConnections.Count == 0
                    ? "No event connection is configured, so no caller may send events."
                    : "The request carries no credentials of a configured event connection, or they are wrong.",
                "Configure the EventBridge connection's API key header or Basic credentials under Server:EventConnections and send them with each event.");
        }

        var text = await RequestBody.ReadTextAsync(context.Request, settings.MaxRequestBodyBytes, cancellationToken);
        EventBridgeEvent @event;
        try
        {
            @event = EventBridgeEvent.FromJson(text);
        }
        catch (JsonException e)
        {
            return new ApiProblem(
                StatusCodes.Status400BadRequest,
                ProblemCodes.InvalidEvent,
                "Invalid event",
                $"The body is not an EventBridge event: {RequestBody.Describe(e)}",
                "Send the event envelope as EventBridge delivers it (version, id, detail-type, source, account, time, region, resources, detail).");
        }

        if (components.Events is null)
        {
            return ApiProblems.NotConfigured("Events ingestion", "Run the server with the runtime's event ingestion enabled (dataprep serve composes it).");
        }

        using var trace = metrics.Traces.StartActivity("IngestEvent");
        trace?.SetTag("event.id", @event.Id);
        trace?.SetTag("event.source", @event.Source);
        EventIngestionResult result;
        try
        {
            result = await components.Events.IngestAsync(@event, cancellationToken);
        }
        catch (InvalidEventException e)
        {
            return new ApiProblem(
                StatusCodes.Status400BadRequest,
                ProblemCodes.InvalidEvent,
                "Invalid event",
                $"The body is not an EventBridge event: {e.Message}",
                "Send the event envelope as EventBridge delivers it, with its id (deduplication relies on it).");
        }

        metrics.EventIngested(connection.Name, result.Duplicate);
        foreach (var _ in result.InstanceIds)
        {
            metrics.RunStarted(@event.Source);
        }

        if (result.InstanceIds.Count > 0)
        {
            await audit.RecordAsync(context, connection.Name, "event-connection", "event.ingest", @event.Id, new JsonObject
            {
                ["source"] = @event.Source,
                ["detailType"] = @event.DetailType,
                ["instanceIds"] = new JsonArray(result.InstanceIds.Select(i => (JsonNode?)i).ToArray()),
            });
        }

        return Results.Json(
            new JsonObject
            {
                ["eventId"] = @event.Id,
                ["connection"] = connection.Name,
                ["duplicate"] = result.Duplicate,
                ["instanceIds"] = new JsonArray(result.InstanceIds.Select(i => (JsonNode?)i).ToArray()),
            },
            statusCode: StatusCodes.Status202Accepted);
    }
}
