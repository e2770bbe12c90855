using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Http.Endpoints;
using DataPrepWorkflows.Http.Responses;
using DataPrepWorkflows.Runtime;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Http.Hosting;

/// <summary>
/// Serves one request under the base path: finds the HTTP endpoint trigger it matches, checks the caller's role,
/// starts the workflow with the request as <c>trigger</c>, and answers at once (202) or with the workflow's response.
/// </summary>
internal sealed class HttpWorkflowRequestHandler(IWorkflowRuntime runtime, HttpWorkflowsOptions options)
{
    private readonly HttpRouteTable _routes = new(runtime.Store.Triggers);

    public async Task HandleAsync(HttpContext context, string path)
    {
        var cancellationToken = context.RequestAborted;
        var routes = await _routes.GetAsync(cancellationToken).ConfigureAwait(false);
        var matches = HttpRouteTable.Match(routes, path);
        if (matches.Count == 0)
        {
            await Problem(context, StatusCodes.Status404NotFound, "No workflow endpoint", $"No published workflow has an HttpEndpoint at '{path}'.").ConfigureAwait(false);
            return;
        }

        var method = context.Request.Method.ToUpperInvariant();
        var forMethod = matches.Where(m => m.Route.Method == method).ToList();
        if (forMethod.Count == 0)
        {
            context.Response.Headers.Allow = string.Join(", ", matches.Select(m => m.Route.Method).Distinct().Order(StringComparer.Ordinal));
            await Problem(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed", $"'{path}' does not accept {method}.").ConfigureAwait(false);
            return;
        }

        var best = forMethod[0];
        var rivals = forMethod.Where(m => m.Route.Literals == best.Route.Literals && m.Route.WorkflowId != best.Route.WorkflowId).Select(m => m.Route.WorkflowId).ToList();
        if (rivals.Count > 0)
        {
            await Problem(context, StatusCodes.Status409Conflict, "Ambiguous workflow endpoint",
                $"{method} '{path}' is an HttpEndpoint of several workflows: {string.Join(", ", rivals.Prepend(best.Route.WorkflowId).Distinct())}. Give each a distinct path.").ConfigureAwait(false);
            return;
        }

        var spec = best.Route.Spec;
        if (spec.Authorization != HttpEndpointSpec.Anonymous)
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await Problem(context, StatusCodes.Status401Unauthorized, "Authentication required", $"'{path}' needs a caller with the role '{spec.Authorization}'.").ConfigureAwait(false);
                return;
            }

            if (!context.User.IsInRole(spec.Authorization))
            {
                await Problem(context, StatusCodes.Status403Forbidden, "Forbidden", $"'{path}' needs the role '{spec.Authorization}'.").ConfigureAwait(false);
                return;
            }
        }

        var (payload, status, problem) = await HttpTriggerPayload.ReadAsync(context.Request, path, best.Values, options, cancellationToken).ConfigureAwait(false);
        if (payload is null)
        {
            await Problem(context, status, "Bad request body", problem!).ConfigureAwait(false);
            return;
        }

        StartedInstance started;
        try
        {
            started = await runtime.StartAsync(new StartWorkflowRequest
            {
                WorkflowId = best.Route.WorkflowId,
                Trigger = payload,
                CorrelationId = context.Request.Headers["X-Correlation-Id"].FirstOrDefault() ?? context.TraceIdentifier,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkflowNotFoundException e)
        {
            await Problem(context, StatusCodes.Status404NotFound, "Workflow not published", e.Message).ConfigureAwait(false);
            return;
        }

        if (spec.Respond == HttpEndpointSpec.RespondImmediately)
        {
            await Results.Json(new JsonObject { ["instanceId"] = started.InstanceId, ["workflowId"] = best.Route.WorkflowId }, statusCode: StatusCodes.Status202Accepted)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await WaitAndRespondAsync(context, started.InstanceId, spec.Timeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitAndRespondAsync(HttpContext context, string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = options.Clock.GetUtcNow() + timeout;
        context.Response.Headers["X-Workflow-Instance-Id"] = instanceId;
        while (true)
        {
            var remaining = deadline - options.Clock.GetUtcNow();
            var slice = remaining < options.ResponsePollInterval ? remaining : options.ResponsePollInterval;
            var record = slice > TimeSpan.Zero
                ? await runtime.WaitAsync(instanceId, slice, cancellationToken).ConfigureAwait(false)
                : null;
            var response = await HttpResponseFinder.FindAsync(runtime.Store.Instances, instanceId, cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                await WriteAsync(context, response).ConfigureAwait(false);
                return;
            }

            if (record?.Status is WorkflowStatus.Finished)
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            if (record?.Status is WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            {
                await Problem(context, StatusCodes.Status500InternalServerError, $"Workflow {record.Status.ToString().ToLowerInvariant()}",
                    $"Instance {instanceId} {record.Status.ToString().ToLowerInvariant()} before writing a response: {record.ErrorMessage}").ConfigureAwait(false);
                return;
            }

            if (options.Clock.GetUtcNow() >= deadline)
            {
                await Problem(context, StatusCodes.Status504GatewayTimeout, "Workflow response timed out",
                    $"Instance {instanceId} wrote no response within {timeout}; it goes on running.").ConfigureAwait(false);
                return;
            }

            if (record is null || record.Status is WorkflowStatus.Suspended)
            {
                // Not committed yet, or waiting on a bookmark: the runtime returns at once, so pace the polling.
                var pause = deadline - options.Clock.GetUtcNow();
                await Task.Delay(pause < options.ResponsePollInterval ? (pause > TimeSpan.Zero ? pause : TimeSpan.Zero) : options.ResponsePollInterval, options.Clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteAsync(HttpContext context, HttpResponseRecord response)
    {
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
}
