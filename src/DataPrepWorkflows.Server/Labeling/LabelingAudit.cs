using System.Text.Json.Nodes;
using DataPrepWorkflows.Server.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataPrepWorkflows.Server.Labeling;

/// <summary>
/// Records the labeling API's mutations in the audit log like every other mutation of the server: a task handed to a
/// worker (<c>labeling.assign</c>), an answer (<c>labeling.answer</c>), a skip (<c>labeling.skip</c>) and a stopped job
/// (<c>labeling.stop</c>), with the job and object as the target and the worker in the details. Only requests that
/// changed something are recorded: refused ones (4xx) and a <c>next</c> with no task left (204) are not.
/// </summary>
internal static class LabelingAudit
{
    public static RouteGroupBuilder Audited(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context).ConfigureAwait(false);
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method) || ActionOf(http) is not { } action || !Changed(action, result))
            {
                return result;
            }

            var values = http.Request.RouteValues;
            var job = values.TryGetValue("name", out var name) ? Convert.ToString(name, System.Globalization.CultureInfo.InvariantCulture) : "";
            // An assignment names its object in the response (the task handed out), the others in the route.
            var index = values.TryGetValue("index", out var routed)
                ? Convert.ToString(routed, System.Globalization.CultureInfo.InvariantCulture)
                : result is IValueHttpResult { Value: JsonObject task } ? task["objectIndex"]?.ToJsonString() : null;
            var target = index is null ? job ?? "" : $"{job}/{index}";
            var details = http.Request.Query.TryGetValue("worker", out var worker) ? new JsonObject { ["worker"] = worker.ToString() } : null;
            await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(http, action, target, details).ConfigureAwait(false);
            return result;
        });
        return group;
    }

    private static bool Changed(string action, object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: StatusCodes.Status204NoContent } => action != "labeling.assign",
        IStatusCodeHttpResult { StatusCode: { } status } => status is >= 200 and < 300,
        _ => true,
    };

    private static string? ActionOf(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        return pattern.TrimEnd('/') switch
        {
            var p when p.EndsWith("/tasks/next", StringComparison.Ordinal) => "labeling.assign",
            var p when p.EndsWith("/answer", StringComparison.Ordinal) => "labeling.answer",
            var p when p.EndsWith("/skip", StringComparison.Ordinal) => "labeling.skip",
            var p when p.EndsWith("/stop", StringComparison.Ordinal) => "labeling.stop",
            _ => null,
        };
    }
}
