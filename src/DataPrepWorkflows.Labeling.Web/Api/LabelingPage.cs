using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Labeling.Web.Api;

/// <summary>Serves the labeling page's three embedded files; nothing is loaded from elsewhere.</summary>
internal static class LabelingPage
{
    private static readonly (string Route, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        foreach (var (route, resource, contentType) in Files)
        {
            var content = Read(resource);
            group.MapGet(route, (HttpRequest request) =>
                route == "/" && !request.Path.Value!.EndsWith('/')
                    ? Results.Redirect(request.PathBase + request.Path + "/" + request.QueryString)
                    : Results.Text(content, contentType));
        }
    }

    internal static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("labeling-page/" + resource)
            ?? throw new InvalidOperationException($"The labeling page resource '{resource}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
