using DataPrepWorkflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataPrepWorkflows.Http.Hosting;

/// <summary>Serves the <c>HttpEndpoint</c> triggers of published workflows from an ASP.NET Core application.</summary>
public static class HttpWorkflowsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps one catch-all route under <see cref="HttpWorkflowsOptions.BasePath"/> that matches each request against
    /// the HTTP endpoint triggers in the trigger index and starts the matching workflow through the
    /// <see cref="IWorkflowRuntime"/> registered in the container.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="configure">Changes the options (base path, body limit, clock).</param>
    /// <returns>The route, for conventions (authentication schemes, rate limits).</returns>
    public static IEndpointConventionBuilder MapHttpWorkflows(this IEndpointRouteBuilder endpoints, Action<HttpWorkflowsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = new HttpWorkflowsOptions();
        configure?.Invoke(options);
        var basePath = "/" + options.BasePath.Trim().Trim('/');
        var runtime = endpoints.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
        var handler = new HttpWorkflowRequestHandler(runtime, options);
        return endpoints.Map(
            (basePath == "/" ? "" : basePath) + "/{**dataprepWorkflowPath}",
            (HttpContext context) => handler.HandleAsync(context, "/" + (context.GetRouteValue("dataprepWorkflowPath") as string ?? "")));
    }
}
