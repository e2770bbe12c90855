using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Telemetry;

/// <summary>
/// Names ASP.NET Core's request span after its route (<c>POST /api/v1/workflow-instances/{id}/cancel</c>) and adds the
/// OpenTelemetry HTTP attributes (method, route, path, status), which the framework's bare span does not carry, so a
/// trace viewer shows what each request was. Costs nothing when nobody listens (no current activity).
/// </summary>
internal sealed class RequestSpanTags(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var span = Activity.Current;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (span is { IsAllDataRequested: true })
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
                var method = context.Request.Method;
                span.DisplayName = route is null ? method : $"{method} {(route.StartsWith('/') ? route : "/" + route)}";
                span.SetTag("http.request.method", method);
                span.SetTag("url.path", context.Request.Path.Value);
                span.SetTag("http.response.status_code", context.Response.StatusCode);
                if (route is not null)
                {
                    span.SetTag("http.route", route);
                }

                if (context.Response.StatusCode >= 500)
                {
                    span.SetStatus(ActivityStatusCode.Error);
                }
            }
        }
    }
}
