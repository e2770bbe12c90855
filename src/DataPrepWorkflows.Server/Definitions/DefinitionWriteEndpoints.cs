using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
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

namespace DataPrepWorkflows.Server.Definitions;

/// <summary>Changing workflow definitions: validate (viewer), save a draft, import, publish, unpublish (editor), delete (admin).</summary>
internal static class DefinitionWriteEndpoints
{
    public static void Map(RouteGroupBuilder definitions)
    {
        definitions.MapPost("/validate", ValidateAsync).WithName("ValidateWorkflowDefinition")
            .Accepts<JsonObject>("application/json")
            .WithSummary("Validates workflow text; answers the diagnostics with line and column (nothing is saved).");
        definitions.MapPost("/", SaveAsync).RequireAuthorization(RolePolicies.Editor).Produces<JsonObject>(StatusCodes.Status201Created).WithName("SaveWorkflowDefinition")
            .Accepts<JsonObject>("application/json")
            .WithSummary("Saves workflow text as the draft (the next version once the latest is published); publish=true publishes it too.");
        definitions.MapPost("/import", ImportAsync).RequireAuthorization(RolePolicies.Editor).Produces<JsonObject>(StatusCodes.Status201Created).WithName("ImportWorkflowDefinition")
            .Accepts<JsonObject>("application/json")
            .WithSummary("Imports a file in our format (format=dataprep) or Elsa 3 JSON (format=elsa) as the draft; publish=true publishes it.");
        definitions.MapPost("/{definitionId}/publish", PublishAsync).RequireAuthorization(RolePolicies.Editor).WithName("PublishWorkflowDefinition")
            .WithSummary("Publishes a version (the latest unless version= is given); the trigger index follows.");
        definitions.MapPost("/{definitionId}/retract", RetractAsync).RequireAuthorization(RolePolicies.Editor).WithName("RetractWorkflowDefinition")
            .WithSummary("Unpublishes the workflow; its triggers leave the index.");
        definitions.MapDelete("/{definitionId}", DeleteAsync).RequireAuthorization(RolePolicies.Admin).Produces(StatusCodes.Status204NoContent).WithName("DeleteWorkflowDefinition")
            .WithSummary("Deletes every version of a workflow (unpublish it first).");
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, WorkflowAuthoring authoring, ServerSettings settings, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        var result = authoring.Validate(text);
        return Results.Json(new JsonObject
        {
            ["valid"] = !result.HasErrors,
            ["definitionId"] = result.Definition?.Id,
            ["diagnostics"] = DefinitionJson.Diagnostics(result.Diagnostics),
        });
    }

    private static async Task<IResult> SaveAsync(HttpContext context, WorkflowAuthoring authoring, ServerSettings settings, string? gitCommit, bool? publish, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(context.Request, settings.MaxRequestBodyBytes, cancellationToken);
        return await SaveTextAsync(context, authoring, text, gitCommit, publish ?? false, "workflow.save", cancellationToken);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, WorkflowAuthoring authoring, WorkflowInterchange interchange, ServerSettings settings, string? format, string? gitCommit, bool? publish, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadTextAsync(context.Request, settings.MaxRequestBodyBytes, cancellationToken);
        var (text, found, problem) = interchange.Import(body, format);
        return problem ?? await SaveTextAsync(context, authoring, text!, gitCommit, publish ?? false, "workflow.import", cancellationToken, found);
    }

    // An import passes what its conversion found before the text was validated (reported first, as `found`).
    private static async Task<IResult> SaveTextAsync(HttpContext context, WorkflowAuthoring authoring, string text, string? gitCommit, bool publish, string action, CancellationToken cancellationToken, IReadOnlyList<Diagnostic>? found = null)
    {
        var (canonical, result, problem) = authoring.Prepare(text);
        if (problem is not null)
        {
            return problem;
        }

        var services = context.RequestServices;
        var store = services.GetRequiredService<IRuntimeStore>();
        var definition = result.Definition!;
        var saved = await store.Definitions.SaveDraftAsync(definition.Id, definition.Name, canonical!, gitCommit, RolePolicies.ActorOf(context.User), cancellationToken);
        var audit = services.GetRequiredService<AuditTrail>();
        await audit.RecordAsync(context, action, $"{saved.WorkflowId}@{saved.Version}", new JsonObject { ["gitCommit"] = gitCommit });
        if (publish)
        {
            saved = await services.GetRequiredService<IWorkflowRuntime>().PublishAsync(saved.WorkflowId, saved.Version, cancellationToken);
            await audit.RecordAsync(context, "workflow.publish", $"{saved.WorkflowId}@{saved.Version}");
        }

        var body = DefinitionJson.Full(saved);
        body["diagnostics"] = DefinitionJson.Diagnostics((found ?? []).Concat(result.Diagnostics));
        context.Response.Headers.Location = $"/api/v1/workflow-definitions/{Uri.EscapeDataString(saved.WorkflowId)}?versionOptions={saved.Version}";
        return Results.Json(body, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> PublishAsync(HttpContext context, IRuntimeStore store, IWorkflowRuntime runtime, AuditTrail audit, string definitionId, int? version, CancellationToken cancellationToken)
    {
        var (found, problem) = await DefinitionReadEndpoints.FindAsync(store, definitionId, version?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var published = await runtime.PublishAsync(definitionId, found!.Version, cancellationToken);
        await audit.RecordAsync(context, "workflow.publish", $"{definitionId}@{published.Version}");
        return Results.Json(DefinitionJson.Summary(published));
    }

    private static async Task<IResult> RetractAsync(HttpContext context, IRuntimeStore store, IWorkflowRuntime runtime, AuditTrail audit, string definitionId, CancellationToken cancellationToken)
    {
        if (await store.Definitions.GetAsync(definitionId, VersionSelector.Latest, cancellationToken) is null)
        {
            return ApiProblems.WorkflowNotFound(definitionId);
        }

        var retracted = await runtime.UnpublishAsync(definitionId, cancellationToken);
        if (retracted)
        {
            await audit.RecordAsync(context, "workflow.retract", definitionId);
        }

        return Results.Json(new JsonObject { ["definitionId"] = definitionId, ["retracted"] = retracted });
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, IRuntimeStore store, IWorkflowRuntime runtime, AuditTrail audit, string definitionId, CancellationToken cancellationToken)
    {
        if (await store.Definitions.GetAsync(definitionId, VersionSelector.Published, cancellationToken) is not null)
        {
            return new ApiProblem(
                StatusCodes.Status409Conflict,
                ProblemCodes.WrongInstanceState,
                "Workflow is published",
                $"Workflow '{definitionId}' has a published version; deleting it would orphan its triggers.",
                $"Retract it first: POST /api/v1/workflow-definitions/{definitionId}/retract.");
        }

        if (!await store.Definitions.DeleteAsync(definitionId, cancellationToken))
        {
            return ApiProblems.WorkflowNotFound(definitionId);
        }

        await audit.RecordAsync(context, "workflow.delete", definitionId);
        return Results.NoContent();
    }
}
