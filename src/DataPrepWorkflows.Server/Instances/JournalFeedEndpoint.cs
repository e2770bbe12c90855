using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Hosting;
using DataPrepWorkflows.Server.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Instances;

/// <summary>
/// <c>GET /api/v1/workflow-instances/{id}/journal/stream</c>: the instance's journal as server-sent events. Polls the
/// journal store by position (so any node's commits show up, not only this node's), sends each entry as an
/// <c>entry</c> event whose id is the position to resume from (<c>Last-Event-ID</c>), and ends with an <c>end</c>
/// event once the instance has finished, faulted or been cancelled and every entry was sent. A dispatched instance
/// that no node has started yet is waited for.
/// </summary>
internal static class JournalFeedEndpoint
{
    private const int BatchSize = 500;

    public static void Map(RouteGroupBuilder instances)
    {
        instances.MapGet("/{instanceId}/journal/stream", StreamAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithName("StreamWorkflowInstanceJournal")
            .WithSummary("Live feed (text/event-stream) of the instance's journal; ends when the instance ends.");
    }

    private static async Task<IResult> StreamAsync(HttpContext context, IRuntimeStore store, ServerSettings settings, TimeProvider time, string instanceId, long? after, CancellationToken cancellationToken)
    {
        var instance = await ReadAsync(store, instanceId, null, cancellationToken);
        if (instance is null)
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        var position = after ?? 0;
        if (long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var resumed))
        {
            position = resumed;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(cancellationToken);

        while (!cancellationToken.IsCancellationRequested)
        {
            // Read the status before the journal: entries committed with the final status are then always read below.
            var ended = instance.Record is { } record && InstanceJson.HasEnded(record);
            var page = await store.Journal.ReadAsync(instanceId, position, BatchSize, cancellationToken);
            // The store reads by position and hands back the position after the page, so the last entry of each page
            // carries it as its id: a client that reconnects with it (Last-Event-ID) gets what follows that entry.
            for (var i = 0; i < page.Entries.Count; i++)
            {
                var last = i == page.Entries.Count - 1;
                await WriteEventAsync(response, "entry", last ? page.LastPosition : null, InstanceJson.Journal(page.Entries[i]), cancellationToken, flush: last);
            }

            if (page.Entries.Count > 0)
            {
                position = page.LastPosition;
            }

            if (page.Entries.Count == BatchSize)
            {
                continue;
            }

            if (ended)
            {
                await WriteEventAsync(response, "end", position, InstanceJson.Summary(instance.Record!), cancellationToken);
                break;
            }

            await Task.Delay(settings.FeedPollInterval, time, cancellationToken);
            instance = await ReadAsync(store, instanceId, instance, cancellationToken);
            if (instance is null)
            {
                // The start was dropped (a concurrency policy skipped it): nothing will ever be written.
                await WriteEventAsync(response, "end", position, new JsonObject { ["instanceId"] = instanceId, ["status"] = "NotStarted" }, cancellationToken);
                break;
            }
        }

        return Results.Empty;
    }

    /// <summary>
    /// The instance, or its pending start, or null when neither exists. The queue is read before the instance: a start
    /// applied in between is then found as the instance, never missed by both reads.
    /// </summary>
    private static async Task<Seen?> ReadAsync(IRuntimeStore store, string instanceId, Seen? previous, CancellationToken cancellationToken)
    {
        if (previous?.Record is not null)
        {
            return new Seen(await store.Instances.GetAsync(instanceId, cancellationToken) ?? previous.Record);
        }

        var pending = await PendingStart.FindAsync(store, instanceId, cancellationToken);
        var record = await store.Instances.GetAsync(instanceId, cancellationToken);
        return record is not null || pending is not null ? new Seen(record) : null;
    }

    private sealed record Seen(InstanceRecord? Record);

    private static async Task WriteEventAsync(HttpResponse response, string name, long? id, JsonObject data, CancellationToken cancellationToken, bool flush = true)
    {
        var idLine = id is null ? "" : $"id: {id.Value.ToString(CultureInfo.InvariantCulture)}\n";
        await response.WriteAsync($"event: {name}\n{idLine}data: {data.ToJsonString()}\n\n", cancellationToken);
        if (flush)
        {
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}
