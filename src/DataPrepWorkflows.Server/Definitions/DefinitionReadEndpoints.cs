using System.Text.Json.Nodes;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Definitions;

/// <summary>Reading workflow definitions: list, get a version, versions, export (viewer).</summary>
internal static class DefinitionReadEndpoints
{
    public static void Map(RouteGroupBuilder definitions)
    {
        definitions.MapGet("/", ListAsync).WithName("ListWorkflowDefinitions")
            .WithSummary("The latest version of each workflow, by id; search in ids and names; keyset paging.");
        definitions.MapGet("/{definitionId}", GetAsync).WithName("GetWorkflowDefinition")
            .WithSummary("One version (versionOptions: Latest, Published or a number) with its definition JSON.");
        definitions.MapGet("/{definitionId}/versions", VersionsAsync).WithName("ListWorkflowDefinitionVersions")
            .WithSummary("Every version of a workflow, newest first.");
        definitions.MapGet("/{definitionId}/export", ExportAsync).WithName("ExportWorkflowDefinition")
            .WithSummary("A version as a file: our workflow format (format=dataprep, the default) or Elsa 3 JSON (format=elsa).");
    }

    private static async Task<IResult> ListAsync(IRuntimeStore store, string? search, bool? published, int? pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (Requests.QueryRange.Count("pageSize", pageSize, 50, Requests.QueryRange.MaxPageSize, out var size) is { } problem)
        {
            return problem;
        }

        Page<StoredWorkflowVersion> page;
        try
        {
            page = await store.Definitions.ListAsync(
                new DefinitionQuery { Search = search, Published = published, PageSize = size, PageToken = pageToken },
                cancellationToken);
        }
        catch (PersistenceException e) when (e.Code == Requests.PageTokens.InvalidCode)
        {
            return Requests.PageTokens.Invalid();
        }

        return Results.Json(new JsonObject
        {
            ["items"] = new JsonArray(page.Items.Select(v => (JsonNode?)DefinitionJson.Summary(v)).ToArray()),
            ["nextPageToken"] = page.NextPageToken,
        });
    }

    private static async Task<IResult> GetAsync(IRuntimeStore store, string definitionId, string? versionOptions, CancellationToken cancellationToken)
    {
        var (version, problem) = await FindAsync(store, definitionId, versionOptions, cancellationToken);
        return problem ?? Results.Json(DefinitionJson.Full(version!));
    }

    private static async Task<IResult> VersionsAsync(IRuntimeStore store, string definitionId, CancellationToken cancellationToken)
    {
        var versions = await store.Definitions.ListVersionsAsync(definitionId, cancellationToken);
        return versions.Count == 0
            ? ApiProblems.WorkflowNotFound(definitionId)
            : Results.Json(new JsonObject { ["items"] = new JsonArray(versions.Select(v => (JsonNode?)DefinitionJson.Summary(v)).ToArray()) });
    }

    private static async Task<IResult> ExportAsync(IRuntimeStore store, WorkflowInterchange interchange, string definitionId, string? versionOptions, string? format, CancellationToken cancellationToken)
    {
        var (version, problem) = await FindAsync(store, definitionId, versionOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var exported = interchange.Export(version!, format);
        if (exported.Problem is not null)
        {
            return exported.Problem;
        }

        return Results.File(
            System.Text.Encoding.UTF8.GetBytes(exported.Text!),
            "application/json",
            exported.FileName);
    }

    /// <summary>The selected version, or the problem explaining why there is none.</summary>
    internal static async Task<(StoredWorkflowVersion? Version, ApiProblem? Problem)> FindAsync(IRuntimeStore store, string definitionId, string? versionOptions, CancellationToken cancellationToken)
    {
        if (!VersionOptions.TryParse(versionOptions, VersionSelector.Latest, out var selector))
        {
            return (null, ApiProblems.BadParameter("versionOptions", $"{VersionOptions.Expected}; found '{versionOptions}'."));
        }

        var version = await store.Definitions.GetAsync(definitionId, selector, cancellationToken);
        if (version is not null)
        {
            return (version, null);
        }

        var any = await store.Definitions.GetAsync(definitionId, VersionSelector.Latest, cancellationToken);
        return (null, any is null ? ApiProblems.WorkflowNotFound(definitionId) : ApiProblems.VersionNotFound(definitionId, versionOptions ?? "Latest"));
    }
}
