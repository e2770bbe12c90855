using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Server.Problems;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Server.Definitions;

/// <summary>
/// Checks workflow text the way <c>dataprep validate</c> does and gives back its canonical form, so what the server
/// stores is exactly what <c>dataprep fmt</c> would write to Git.
/// </summary>
internal sealed class WorkflowAuthoring(WorkflowValidator validator, ActivityRegistry registry)
{
    public ValidationResult Validate(string text) => validator.Validate(text);

    /// <summary>The canonical text and the definition, or the problem (422 with diagnostics) that stops saving.</summary>
    public (string? Canonical, ValidationResult Result, ApiProblem? Problem) Prepare(string text)
    {
        var result = validator.Validate(text);
        if (result.HasErrors || result.Definition is null)
        {
            return (null, result, Invalid(result));
        }

        var formatted = WorkflowFormatter.Format(text, registry);
        return formatted.Text is null ? (null, result, Invalid(result)) : (formatted.Text, result, null);
    }

    public static ApiProblem Invalid(ValidationResult result)
    {
        var errors = result.Diagnostics.Count(d => d.IsError);
        var first = result.Diagnostics.FirstOrDefault(d => d.IsError);
        return new ApiProblem(
            StatusCodes.Status422UnprocessableEntity,
            ProblemCodes.InvalidWorkflow,
            "Invalid workflow",
            first is null
                ? "The workflow cannot be read."
                : $"The workflow has {errors} error(s); the first at line {first.Line}, column {first.Column}: {first.Code} {first.Message}",
            "Fix every diagnostic listed under 'diagnostics' (line/column in the text you sent) and send it again.")
        {
            Extensions = new JsonObject { ["diagnostics"] = DefinitionJson.Diagnostics(result.Diagnostics) },
        };
    }
}
