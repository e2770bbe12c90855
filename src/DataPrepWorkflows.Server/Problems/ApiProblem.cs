using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Server.Problems;

/// <summary>
/// An RFC 7807 problem-details answer: a stable <c>code</c> (DPA001…), a title, what went wrong (<c>detail</c>) and what
/// to do (<c>action</c>), plus any extra members (validation diagnostics). Never a stack trace.
/// </summary>
internal sealed record ApiProblem(int Status, string Code, string Title, string Detail, string Action) : IResult
{
    public const string ContentType = "application/problem+json";

    // Messages quote names ('x'); keep them readable rather than \u0027-escaped.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Extra members (for example <c>diagnostics</c>).</summary>
    public JsonObject? Extensions { get; init; }

    public static Task Write(HttpContext context, ApiProblem problem) => problem.ExecuteAsync(context);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = new JsonObject
        {
            ["type"] = $"urn:dataprep:problem:{Code}",
            ["title"] = Title,
            ["status"] = Status,
            ["detail"] = Detail,
            ["code"] = Code,
            ["action"] = Action,
            ["instance"] = httpContext.Request.Path.Value,
            ["traceId"] = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier,
        };
        foreach (var (name, value) in Extensions ?? [])
        {
            body[name] = value?.DeepClone();
        }

        httpContext.Response.StatusCode = Status;
        httpContext.Response.ContentType = ContentType;
        await httpContext.Response.WriteAsync(body.ToJsonString(Readable), httpContext.RequestAborted);
    }
}
