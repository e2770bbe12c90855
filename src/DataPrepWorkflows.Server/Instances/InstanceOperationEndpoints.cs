using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Server.Audit;
using DataPrepWorkflows.Server.Hosting;
using DataPrepWorkflows.Server.Problems;
using DataPrepWorkflows.Server.Requests;
using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataPrepWorkflows.Server.Instances;

/// <summary>Operating instances (operator): cancel, retry from the failed activity, resume a bookmark, and the bulk forms.</summary>
internal static class InstanceOperationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/workflow-instances").WithTags("Instances").RequireAuthorization(RolePolicies.Operator);
        instances.MapPost("/{instanceId}/cancel", (HttpContext c, string instanceId, CancellationToken ct) => OneAsync(c, instanceId, Operation.Cancel, ct))
            .Produces<JsonObject>(StatusCodes.Status202Accepted)
            .WithName("CancelWorkflowInstance").WithSummary("Cancels a running or suspended instance (202: the runtime applies it).");
        instances.MapPost("/{instanceId}/retry", (HttpContext c, string instanceId, CancellationToken ct) => OneAsync(c, instanceId, Operation.Retry, ct))
            .Produces<JsonObject>(StatusCodes.Status202Accepted)
            .WithName("RetryWorkflowInstance").WithSummary("Retries a faulted instance from the activity that faulted (202).");

        var bulk = api.MapGroup("/bulk-actions").WithTags("Instances").RequireAuthorization(RolePolicies.Operator);
        bulk.MapPost("/cancel/workflow-instances", (HttpContext c, CancellationToken ct) => BulkAsync(c, Operation.Cancel, ct))
            .Produces<JsonObject>(StatusCodes.Status202Accepted)
            .Accepts<JsonObject>("application/json")
            .WithName("BulkCancelWorkflowInstances").WithSummary("Cancels instances: body {instanceIds: [...]}; answers which were accepted.");
        bulk.MapPost("/retry/workflow-instances", (HttpContext c, CancellationToken ct) => BulkAsync(c, Operation.Retry, ct))
            .Produces<JsonObject>(StatusCodes.Status202Accepted)
            .Accepts<JsonObject>("application/json")
            .WithName("BulkRetryWorkflowInstances").WithSummary("Retries faulted instances: body {instanceIds: [...]}; answers which were accepted.");

        api.MapPost("/bookmarks/{bookmarkId}/resume", ResumeAsync).WithTags("Instances").RequireAuthorization(RolePolicies.Operator)
            .Produces<JsonObject>(StatusCodes.Status202Accepted)
            .Accepts<JsonObject>("application/json")
            .WithName("ResumeBookmark").WithSummary("Resumes a pending bookmark with the body as its input (202); 409 when it is not pending.");
    }

    private enum Operation
    {
        Cancel,
        Retry,
    }

    private static async Task<IResult> OneAsync(HttpContext context, string instanceId, Operation operation, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<IRuntimeStore>();
        var instance = await store.Instances.GetAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return ApiProblems.InstanceNotFound(instanceId);
        }

        if (!await ApplyAsync(services.GetRequiredService<IWorkflowRuntime>(), instanceId, operation, cancellationToken))
        {
            var reason = operation == Operation.Retry && instance.Status == WorkflowStatus.Faulted
                ? "its fault did not happen in an activity (for example invalid inputs), so there is nothing to run again, or its workflow version is no longer in the store."
                : $"its status is {instance.Status}.";
            return ApiProblems.WrongInstanceState(instanceId, Name(operation), reason);
        }

        await services.GetRequiredService<AuditTrail>().RecordAsync(context, $"instance.{Name(operation)}", instanceId);
        return Results.Json(new JsonObject { ["instanceId"] = instanceId, ["accepted"] = true }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> BulkAsync(HttpContext context, Operation operation, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var settings = services.GetRequiredService<ServerSettings>();
        var text = await RequestBody.ReadTextAsync(context.Request, settings.MaxRequestBodyBytes, cancellationToken);
        var (body, problem) = RequestBody.ParseJson<JsonObject>(text, "bulk request");
        if (problem is not null)
        {
            return problem;
        }

        if (body!["instanceIds"] is not JsonArray ids || ids.Any(id => id?.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return ApiProblems.BadParameter("instanceIds", "must be an array of instance id strings, such as {\"instanceIds\": [\"a1\", \"b2\"]}.");
        }

        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var audit = services.GetRequiredService<AuditTrail>();
        var results = new JsonArray();
        foreach (var id in ids.Select(i => i!.GetValue<string>()).Distinct(StringComparer.Ordinal))
        {
            var accepted = await ApplyAsync(runtime, id, operation, cancellationToken);
            if (accepted)
            {
                await audit.RecordAsync(context, $"instance.{Name(operation)}", id, new JsonObject { ["bulk"] = true });
            }

            results.Add(new JsonObject { ["instanceId"] = id, ["accepted"] = accepted });
        }

        return Results.Json(new JsonObject { ["results"] = results }, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ResumeAsync(HttpContext context, IWorkflowRuntime runtime, AuditTrail audit, ServerSettings settings, string bookmarkId, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(context.Request, settings.MaxRequestBodyBytes, cancellationToken);
        JsonNode? input = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            var (parsed, problem) = RequestBody.ParseJson<JsonNode>(text, "resume payload");
            if (problem is not null)
            {
                return problem;
            }

            input = parsed;
        }

        var pending = await runtime.Store.Bookmarks.GetAsync(bookmarkId, cancellationToken);
        if (pending is null || !await runtime.ResumeAsync(bookmarkId, input, cancellationToken))
        {
            return ApiProblems.BookmarkNotPending(bookmarkId);
        }

        await audit.RecordAsync(context, "bookmark.resume", pending.InstanceId, new JsonObject { ["bookmarkId"] = bookmarkId });
        return Results.Json(new JsonObject { ["bookmarkId"] = bookmarkId, ["instanceId"] = pending.InstanceId, ["accepted"] = true }, statusCode: StatusCodes.Status202Accepted);
    }

    private static Task<bool> ApplyAsync(IWorkflowRuntime runtime, string instanceId, Operation operation, CancellationToken cancellationToken) =>
        operation == Operation.Cancel ? runtime.CancelAsync(instanceId, cancellationToken) : runtime.RetryAsync(instanceId, cancellationToken);

    private static string Name(Operation operation) => operation == Operation.Cancel ? "cancel" : "retry";
}
