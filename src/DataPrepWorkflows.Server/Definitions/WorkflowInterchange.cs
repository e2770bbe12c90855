using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Diff;
using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Problems;

namespace DataPrepWorkflows.Server.Definitions;

/// <summary>Import and export in our workflow format (<c>dataprep</c>) and Elsa 3 JSON (<c>elsa</c>), and the structural diff of two versions.</summary>
internal sealed class WorkflowInterchange(ActivityRegistry registry)
{
    public const string Dataprep = "dataprep";
    public const string Elsa = "elsa";

    public (string? Text, string? FileName, ApiProblem? Problem) Export(StoredWorkflowVersion version, string? format)
    {
        switch (Normalize(format))
        {
            case Dataprep:
                return (version.DefinitionJson, $"{version.WorkflowId}.json", null);
            case Elsa:
                var definition = Read(version);
                var elsa = ElsaWorkflowExporter.Export(definition, null, registry);

                // A file written by `dataprep export` is marked latest and published; the server knows the version's status.
                elsa["isLatest"] = version.IsLatest;
                elsa["isPublished"] = version.IsPublished;
                return (elsa.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), $"{version.WorkflowId}.elsa.json", null);
            default:
                return (null, null, UnsupportedFormat(format));
        }
    }

    /// <summary>
    /// Our workflow text from an uploaded file with what converting it found (warnings, positioned in the uploaded
    /// text), or the problem (400/422) that stops the import.
    /// </summary>
    public (string? Text, IReadOnlyList<Diagnostic> Found, ApiProblem? Problem) Import(string body, string? format)
    {
        switch (Normalize(format))
        {
            case Dataprep:
                return (body, [], null);
            case Elsa:
                var (_, problem) = Requests.RequestBody.ParseJson<JsonObject>(body, "Elsa 3 workflow definition");
                if (problem is not null)
                {
                    return (null, [], problem);
                }

                // The body as sent, so the positions in the diagnostics are lines and columns of the caller's own text.
                var imported = ElsaWorkflowImporter.Import(body, "request body", registry);
                return imported.HasErrors || imported.Definition is null
                    ? (null, [], WorkflowAuthoring.Invalid(new ValidationResult(imported.Definition, imported.Diagnostics)))
                    : (WorkflowWriter.Write(imported.Definition, registry), imported.Diagnostics, null);
            default:
                return (null, [], UnsupportedFormat(format));
        }
    }

    public JsonNode? Diff(StoredWorkflowVersion from, StoredWorkflowVersion to) =>
        JsonNode.Parse(WorkflowDiffer.Diff(Read(from), Read(to)).ToJson());

    private WorkflowDefinition Read(StoredWorkflowVersion version) =>
        WorkflowFile.Read(version.DefinitionJson, registry).Definition
        ?? throw new InvalidOperationException($"Stored version {version.Version} of '{version.WorkflowId}' cannot be read.");

    private static string Normalize(string? format) => string.IsNullOrWhiteSpace(format) ? Dataprep : format.Trim().ToLowerInvariant();

    private static ApiProblem UnsupportedFormat(string? format) => new(
        Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest,
        ProblemCodes.UnsupportedFormat,
        "Unsupported format",
        $"The format '{format}' is not one the server reads or writes.",
        "Use format=dataprep (our workflow files) or format=elsa (Elsa 3 workflow definition JSON).");
}
