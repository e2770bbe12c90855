using System.Security.Claims;
using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Server.Problems;

/// <summary>The problems the API answers with, each with its code and what the caller should do.</summary>
internal static partial class ApiProblems
{
    public static ApiProblem Unauthenticated(bool keyPresented) => new(
        StatusCodes.Status401Unauthorized,
        ProblemCodes.Unauthenticated,
        "Authentication required",
        keyPresented ? "The API key is not one of the server's configured keys." : "The request carries no API key.",
        "Send 'Authorization: ApiKey <key>' (or 'X-Api-Key: <key>') with a key whose hash is configured under Server:ApiKeys.");

    public static ApiProblem Forbidden(ClaimsPrincipal user) => new(
        StatusCodes.Status403Forbidden,
        ProblemCodes.Forbidden,
        "Role too low",
        $"The key '{RolePolicies.ActorOf(user)}' has the role '{RolePolicies.RoleOf(user)?.ToString().ToLowerInvariant() ?? "none"}', which may not do this.",
        "Use a key with a higher role (viewer < editor < operator < admin) or ask an administrator to raise this key's Role.");

    public static ApiProblem BodyTooLarge(long limit) => new(
        StatusCodes.Status413PayloadTooLarge,
        ProblemCodes.BodyTooLarge,
        "Request body too large",
        $"The request body is larger than the server's limit of {limit} bytes.",
        "Send a smaller body, or raise Server:MaxRequestBodyBytes in the server's configuration.");

    public static ApiProblem MalformedJson(string what, string reason) => new(
        StatusCodes.Status400BadRequest,
        ProblemCodes.MalformedJson,
        "Malformed JSON",
        $"The {what} is not valid JSON: {reason}",
        "Fix the JSON at the position given and send it again.");

    public static ApiProblem WorkflowNotFound(string workflowId) => new(
        StatusCodes.Status404NotFound,
        ProblemCodes.WorkflowNotFound,
        "Workflow not found",
        $"No workflow has the id '{workflowId}'.",
        "Check the id (GET /api/v1/workflow-definitions lists them) or save the workflow first.");

    public static ApiProblem VersionNotFound(string workflowId, string versionOptions) => new(
        StatusCodes.Status404NotFound,
        ProblemCodes.VersionNotFound,
        "Version not found",
        $"Workflow '{workflowId}' has no version matching '{versionOptions}'.",
        "List the versions with GET /api/v1/workflow-definitions/{id}/versions; publish one before asking for 'Published'.");

    public static ApiProblem InstanceNotFound(string instanceId) => new(
        StatusCodes.Status404NotFound,
        ProblemCodes.InstanceNotFound,
        "Instance not found",
        $"No workflow instance has the id '{instanceId}'.",
        "Check the id (GET /api/v1/workflow-instances lists them); finished instances may have been removed by retention.");

    public static ApiProblem BookmarkNotPending(string bookmarkId) => new(
        StatusCodes.Status409Conflict,
        ProblemCodes.BookmarkNotPending,
        "Bookmark not pending",
        $"The bookmark '{bookmarkId}' is not pending: it was already resumed, or never existed.",
        "Get the instance (GET /api/v1/workflow-instances/{id}) to see its pending bookmarks.");

    public static ApiProblem WrongInstanceState(string instanceId, string operation, string why) => new(
        StatusCodes.Status409Conflict,
        ProblemCodes.WrongInstanceState,
        $"Cannot {operation} the instance",
        $"Instance '{instanceId}' cannot be {(operation == "retry" ? "retried" : operation + "led")}: {why}",
        operation == "retry"
            ? "Only faulted instances whose fault happened in an activity of a version still in the store can be retried; start a new instance otherwise."
            : "Only running or suspended instances can be cancelled.");

    public static ApiProblem BadParameter(string name, string detail) => new(
        StatusCodes.Status400BadRequest,
        ProblemCodes.BadParameter,
        "Bad parameter",
        $"'{name}': {detail}",
        "Fix the parameter as described; docs/server-api.md lists every endpoint's parameters.");

    public static ApiProblem NotConfigured(string what, string how) => new(
        StatusCodes.Status503ServiceUnavailable,
        ProblemCodes.NotConfigured,
        "Not configured",
        $"{what} is not configured on this server.",
        how);

    public static ApiProblem RouteNotFound(string path) => new(
        StatusCodes.Status404NotFound,
        ProblemCodes.RouteNotFound,
        "No such endpoint",
        $"Nothing answers '{path}'.",
        "See /openapi/v1.json or docs/server-api.md for the endpoints.");

    public static ApiProblem MethodNotAllowed(string method, string path, string? allowed) => new(
        StatusCodes.Status405MethodNotAllowed,
        ProblemCodes.MethodNotAllowed,
        "Method not allowed",
        $"'{path}' does not answer {method}" + (string.IsNullOrEmpty(allowed) ? "." : $"; it answers {allowed}."),
        "Use one of the methods in the Allow header; see /openapi/v1.json or docs/server-api.md.");

    public static ApiProblem UnsupportedMediaType(string? contentType) => new(
        StatusCodes.Status415UnsupportedMediaType,
        ProblemCodes.UnsupportedMediaType,
        "Unsupported media type",
        $"'{contentType}' is not accepted here.",
        "Send the body as application/json.");

    /// <summary>
    /// A query or route value the endpoint could not bind (ASP.NET Core's message names the parameter's .NET type): the
    /// parameter by its name and what it takes instead.
    /// </summary>
    public static ApiProblem Unbindable(string message)
    {
        var failed = BindFailure().Match(message);
        if (failed.Success)
        {
            return BadParameter(failed.Groups["name"].Value, $"'{failed.Groups["value"].Value}' is not {Expected(failed.Groups["type"].Value)}.");
        }

        var missing = MissingParameter().Match(message);
        return missing.Success
            ? BadParameter(missing.Groups["name"].Value, "is required.")
            : BadParameter("request", message);
    }

    private static string Expected(string type) => type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>') switch
    {
        "bool" or "Boolean" => "true or false",
        "int" or "Int32" or "long" or "Int64" => "a whole number",
        "DateTimeOffset" or "DateTime" => "an ISO 8601 timestamp such as 2026-01-31T00:00:00Z",
        "Guid" => "a GUID",
        var other => "a valid " + other,
    };

    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [System.Text.RegularExpressions.GeneratedRegex("""^Required parameter "\S+ (?<name>[^"]+)" was not provided""")]
    private static partial System.Text.RegularExpressions.Regex MissingParameter();

    public static ApiProblem Internal() => new(
        StatusCodes.Status500InternalServerError,
        ProblemCodes.Internal,
        "Internal error",
        "The server failed to handle the request; nothing in the request was wrong as far as it can tell.",
        "Retry later; if it persists, report the traceId to the operators (the server log has the details).");
}
