using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Labeling.Web;
using DataPrepWorkflows.Server.Audit;
using DataPrepWorkflows.Server.Definitions;
using DataPrepWorkflows.Server.Hosting;
using DataPrepWorkflows.Server.Labeling;
using DataPrepWorkflows.Server.Problems;
using DataPrepWorkflows.Server.Security;
using DataPrepWorkflows.Server.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DataPrepWorkflows.Server;

/// <summary>
/// Composes the <c>dataprep serve</c> web application: the REST API under <c>/api/v1</c>, API-key security with
/// roles, audit, problem details, size limits, health and readiness, the OpenAPI document and telemetry.
/// </summary>
public static class DataprepServer
{
    /// <summary>
    /// Registers the server's services on <paramref name="builder"/> (reading the <c>Server</c> configuration
    /// section), builds the application and maps every endpoint. The caller runs it.
    /// </summary>
    /// <exception cref="ServerConfigurationException">The <c>Server</c> section is invalid (the message names the setting).</exception>
    public static WebApplication Build(WebApplicationBuilder builder, ServerComponents components)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(components);
        var settings = ServerSettings.Load(builder.Configuration);
        var services = builder.Services;
        var metrics = components.Metrics ?? new ServerMetrics();

        services.AddSingleton(settings);
        services.AddSingleton(components);
        services.AddSingleton(components.Store);
        services.AddSingleton(components.Runtime);
        services.AddSingleton(components.Registry);
        services.AddSingleton(components.Time);
        services.AddSingleton(metrics);
        services.AddSingleton(new WorkflowValidator(components.Registry, components.Expressions ?? new JintExpressionEngine()));
        services.AddSingleton<WorkflowAuthoring>();
        services.AddSingleton<WorkflowInterchange>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService<QueueDepthSampler>();
        if (settings.Telemetry.Exports)
        {
            services.AddSingleton(settings.Telemetry);
            services.AddHostedService<TelemetryExporter>();
        }

        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(RolePolicies.Add);
        services.AddOpenApi("v1", OpenApiDocumentation.Configure);

        var app = builder.Build();
        app.UseMiddleware<RequestSpanTags>();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        ServerEndpoints.Map(app);
        if (components.Labeling is { } labeling)
        {
            app.MapLabeling(labeling, RolePolicies.Editor).Audited().WithTags("Labeling");
        }
        components.MapExtensions?.Invoke(app);
        return app;
    }
}
