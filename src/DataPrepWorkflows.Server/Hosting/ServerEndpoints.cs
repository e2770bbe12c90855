using DataPrepWorkflows.Server.Audit;
using DataPrepWorkflows.Server.Definitions;
using DataPrepWorkflows.Server.Descriptors;
using DataPrepWorkflows.Server.Events;
using DataPrepWorkflows.Server.Health;
using DataPrepWorkflows.Server.Instances;
using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Server.Hosting;

/// <summary>The API's route table: <c>/api/v1/...</c> with Elsa Studio's resource names, plus health, readiness and the OpenAPI document.</summary>
internal static class ServerEndpoints
{
    public const string Prefix = "/api/v1";

    public static void Map(WebApplication app)
    {
        HealthEndpoints.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(RolePolicies.Viewer);

        var api = app.MapGroup(Prefix);
        var definitions = api.MapGroup("/workflow-definitions").WithTags("Definitions");
        DefinitionReadEndpoints.Map(definitions);
        DefinitionWriteEndpoints.Map(definitions);
        DefinitionRunEndpoints.Map(definitions);
        DescriptorEndpoints.Map(api);

        var instances = api.MapGroup("/workflow-instances").WithTags("Instances");
        InstanceReadEndpoints.Map(instances);
        JournalFeedEndpoint.Map(instances);
        InstanceOperationEndpoints.Map(api);

        EventEndpoints.Map(api);
        AuditEndpoints.Map(api);
    }
}
