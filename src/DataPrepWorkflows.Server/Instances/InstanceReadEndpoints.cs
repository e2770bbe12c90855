using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Problems;
using DataPrepWorkflows.Server.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Instances;

/// <summary>Reading instances: filtered list with keyset paging, one instance with its journal, incidents and bookmarks (viewer).</summary>
internal static class InstanceReadEndpoints
{
    public static void Map(RouteGroupBuilder instances)
    {
        instances.MapGet("/", ListAsync).WithName("ListWorkflowInstances")
            .WithSummary("Instances, newest first; filters: definitionId, version, status (comma-separated), correlationId, createdFrom, createdBefore; keyset paging.");
        instances.MapGet("/{instanceId}", GetAsync).WithName("GetWorkflowInstance")
            .WithSummary("One instance with its journal (the first journalLimit entries), incidents and pending bookmarks; includeState=true adds the state document. A dispatched instance no node has started yet is 'Pending'.");
        instances.MapGet("/{instanceId}/journal", JournalAsync).WithName("GetWorkflowInstanceJournal")
            .WithSummary("The instance's journal after a position (children included), in commit order.");
    }

    private static async Task<IResult> ListAsync(
        IRuntimeStore store, string? definitionId, int? version, string? status, string? correlationId, DateTimeOffset? createdFrom, DateTimeOffset? createdBefore,
        int? pageSize, string? pageToken, bool? includeTotal, CancellationToken cancellationToken)
    {
        var (query, problem) = InstanceFilters.Parse(definitionId, version, status, correlationId, createdFrom, createdBefore, pageSize, pageToken, includeTotal);
        if (problem is not null)
        {
            return problem;
        }

        Page<InstanceRecord> page;
        try
        {
            page = await store.Instances.ListAsync(query!, cancellationToken);
        }
        catch (PersistenceException e) when (e.Code == PageTokens.InvalidCode)
        {
            return PageTokens.Invalid();
        }

        return Results.Json(new JsonObject
        {
            ["items"] = new JsonArray(page.Items.Select(i => (JsonNode?)InstanceJson.Summary(i)).ToArray()),
            ["nextPageToken"] = page.NextPageToken,
            ["totalCount"] = page.TotalCount,
        });
    }

    private static async Task<IResult> GetAsync(IRuntimeStore store, string instanceId, int? journalLimit, bool? includeState, CancellationToken cancellationToken)
    {
        if (QueryRange.Count("journalLimit", journalLimit, 1000, QueryRange.MaxJournalEntries, out var limit) is { } problem)
        {
            return problem;
        }

        var instance = await store.Instances.GetAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            if (await PendingStart.FindAsync(store, instanceId, cancellationToken) is { } pending)
            {
                return Results.Json(PendingStart.Json(pending));
            }

            // The start may have been applied between the two reads.
            instance = await store.Instances.GetAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return ApiProblems.InstanceNotFound(instanceId);
            }
        }

        var journal = await store.Journal.ReadAsync(instanceId, 0, limit, cancellationToken);
        var incidents = await store.Incidents.ListForInstanceAsync(instanceId, cancellationToken);
        var bookmarks = await store.Bookmarks.FindAsync(new BookmarkQuery { InstanceId = instanceId }, cancellationToken);
        var body = InstanceJson.Summary(instance);
        body["journal"] = new JsonObject
        {
            ["entries"] = new JsonArray(journal.Entries.Select(e => (JsonNode?)InstanceJson.Journal(e)).ToArray()),
            ["lastPosition"] = journal.LastPosition,
        };
        body["incidents"] = new JsonArray(incidents.Select(i => (JsonNode?)InstanceJson.Incident(i)).ToArray());
        body["bookmarks"] = new JsonArray(bookmarks.Select(b => (JsonNode?)InstanceJson.Bookmark(b)).ToArray());
        if (includeState == true)
        {
            body["state"] = InstanceJson.State(instance);
        }

        return Results.Json(body);
    }

    private static async Task<IResult> JournalAsync(IRuntimeStore store, string instanceId, long? after, int? limit, CancellationToken cancellationToken)
    {
        if (QueryRange.Position("after", after, out var position) is { } badPosition)
        {
            return badPosition;
        }

        if (QueryRange.Count("limit", limit, 500, QueryRange.MaxJournalEntries, out var size) is { } badLimit)
        {
            return badLimit;
        }

        if (await store.Instances.GetAsync(instanceId, cancellationToken) is null)
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        var page = await store.Journal.ReadAsync(instanceId, position, size, cancellationToken);
        return Results.Json(new JsonObject
        {
            ["entries"] = new JsonArray(page.Entries.Select(e => (JsonNode?)InstanceJson.Journal(e)).ToArray()),
            ["lastPosition"] = page.LastPosition,
        });
    }
}
