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

namespace DataPrepWorkflows.Server.Definitions;

/// <summary>Starting runs (operator) and the structural diff of two versions (viewer).</summary>
internal static class DefinitionRunEndpoints
{
    public static void Map(RouteGroupBuilder definitions)
    {
        definitions.MapPost("/{definitionId}/dispatch", DispatchAsync).RequireAuthorization(RolePolicies.Operator).Produces<JsonObject>(StatusCodes.Status202Accepted).WithName("DispatchWorkflowDefinition")
            .Accepts<JsonObject>("application/json")
            .WithSummary("Starts an instance: body {versionOptions?, inputs?, correlationId?}; answers 202 with the instance id.");
        definitions.MapGet("/{definitionId}/diff", DiffAsync).WithName("DiffWorkflowDefinitionVersions")
            .WithSummary("The structural diff from one version to another: activities, edges, triggers, inputs.");
    }

    private static async Task<IResult> DispatchAsync(HttpContext context, IWorkflowRuntime runtime, IRuntimeStore store, AuditTrail audit, ServerSettings settings, ServerMetrics metrics, string definitionId, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(context.Request, settings.MaxRequestBodyBytes, cancellationToken);
        var body = new JsonObject();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var (parsed, problem) = RequestBody.ParseJson<JsonObject>(text, "dispatch request");
            if (problem is not null)
            {
                return problem;
            }

            body = parsed!;
        }

        var versionText = body["versionOptions"]?.ToString();
        if (!VersionOptions.TryParse(versionText, VersionSelector.Published, out var selector))
        {
            return ApiProblems.BadParameter("versionOptions", $"{VersionOptions.Expected}; found '{versionText}'.");
        }

        if (body["inputs"] is { } inputs and not JsonObject)
        {
            return ApiProblems.BadParameter("inputs", "must be an object of input name → value.");
        }

        StartedInstance started;
        try
        {
            started = await runtime.StartAsync(
                new StartWorkflowRequest
                {
                    WorkflowId = definitionId,
                    Version = selector,
                    Inputs = (body["inputs"] as JsonObject)?.DeepClone().AsObject(),
                    CorrelationId = body["correlationId"]?.ToString(),
                    CheckInputs = true,
                },
                cancellationToken);
        }
        catch (WorkflowInputException e)
        {
            return ApiProblems.BadParameter($"inputs.{e.InputName}", e.Message);
        }
        catch (WorkflowNotFoundException)
        {
            // No such workflow at all is DPA005; a workflow with no version matching the selector is DPA006.
            return await store.Definitions.ListVersionsAsync(definitionId, cancellationToken) is { Count: > 0 }
                ? ApiProblems.VersionNotFound(definitionId, versionText ?? "Published")
                : ApiProblems.WorkflowNotFound(definitionId);
        }

        metrics.RunStarted(definitionId);
        await audit.RecordAsync(context, "instance.start", started.InstanceId, new JsonObject { ["workflowId"] = definitionId, ["version"] = started.WorkflowVersion });
        context.Response.Headers.Location = $"/api/v1/workflow-instances/{Uri.EscapeDataString(started.InstanceId)}";
        return Results.Json(
            new JsonObject { ["instanceId"] = started.InstanceId, ["definitionId"] = definitionId, ["version"] = started.WorkflowVersion },
            statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> DiffAsync(IRuntimeStore store, WorkflowInterchange interchange, string definitionId, string? from, string? to, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
        {
            return ApiProblems.BadParameter(from is null ? "from" : "to", "give both versions to compare, such as ?from=1&to=2 (or Published / Latest).");
        }

        var (old, oldProblem) = await DefinitionReadEndpoints.FindAsync(store, definitionId, from, cancellationToken);
        if (oldProblem is not null)
        {
            return oldProblem;
        }

        var (@new, newProblem) = await DefinitionReadEndpoints.FindAsync(store, definitionId, to, cancellationToken);
        if (newProblem is not null)
        {
            return newProblem;
        }

        return Results.Json(new JsonObject
        {
            ["definitionId"] = definitionId,
            ["from"] = old!.Version,
            ["to"] = @new!.Version,
            ["diff"] = interchange.Diff(old, @new),
        });
    }
}
