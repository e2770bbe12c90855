using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Http.Endpoints;
using DataPrepWorkflows.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace DataPrepWorkflows.Http.Hosting;

/// <summary>
/// The HTTP endpoint triggers of published workflows as route templates, matched against request paths. Rebuilt
/// from the trigger index whenever its stamp moves, so a publish on any node is served by every node.
/// </summary>
internal sealed class HttpRouteTable(ITriggerStore triggers)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Stamp, IReadOnlyList<HttpRoute> Routes)? _cache;

    public async Task<IReadOnlyList<HttpRoute>> GetAsync(CancellationToken cancellationToken)
    {
        var stamp = await triggers.GetStampAsync(cancellationToken).ConfigureAwait(false);
        if (_cache is { } cached && cached.Stamp == stamp)
        {
            return cached.Routes;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await triggers.ListAsync(HttpEndpointSpec.TriggerType, cancellationToken).ConfigureAwait(false);
            var routes = new List<HttpRoute>();
            foreach (var trigger in stored)
            {
                routes.AddRange(HttpRoute.Create(trigger));
            }

            _cache = (stamp, routes);
            return routes;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The routes whose template matches <paramref name="path"/>, most specific first, with their route values.</summary>
    public static IReadOnlyList<(HttpRoute Route, RouteValueDictionary Values)> Match(IReadOnlyList<HttpRoute> routes, string path)
    {
        var matches = new List<(HttpRoute, RouteValueDictionary)>();
        foreach (var route in routes)
        {
            var values = new RouteValueDictionary();
            if (route.Matcher.TryMatch(path, values))
            {
                matches.Add((route, values));
            }
        }

        return [.. matches.OrderByDescending(m => m.Item1.Literals).ThenBy(m => m.Item1.Spec.Path, StringComparer.Ordinal)];
    }
}

/// <summary>One indexed endpoint for one method: its workflow, its spec and its compiled template.</summary>
internal sealed record HttpRoute(string WorkflowId, string Method, HttpEndpointSpec Spec, TemplateMatcher Matcher, int Literals)
{
    /// <summary>The routes of an indexed trigger, one per method; none when the entry cannot be read.</summary>
    public static IReadOnlyList<HttpRoute> Create(StoredTrigger trigger)
    {
        try
        {
            if (JsonNode.Parse(trigger.PayloadJson) is not JsonObject payload)
            {
                return [];
            }

            var spec = HttpEndpointSpec.FromPayload(payload);
            var template = TemplateParser.Parse(spec.Path.TrimStart('/'));
            var literals = template.Segments.Count(s => s.Parts.All(p => p.IsLiteral));
            var matcher = new TemplateMatcher(template, []);
            return [.. spec.Methods.Select(method => new HttpRoute(trigger.WorkflowId, method, spec, matcher, literals))];
        }
        catch (Exception e) when (e is ActivityFaultException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // An entry written by an older or broken publish: not served, rather than failing every request.
            return [];
        }
    }
}
