using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Schema;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Server.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Server.Descriptors;

/// <summary>The designer's palette: activity descriptors as the DSL writes them (<c>dataprep describe</c>'s JSON).</summary>
internal static class DescriptorEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var descriptors = api.MapGroup("/descriptors/activities").WithTags("Descriptors");
        descriptors.MapGet("/", (ActivityRegistry registry) => Results.Text(DescriptorJson.WriteAll(registry), "application/json"))
            .WithName("ListActivityDescriptors")
            .WithSummary("Every activity and trigger type: category, inputs (with UI hints), outputs, outcomes.");
        descriptors.MapGet("/{typeName}", (ActivityRegistry registry, string typeName) =>
                registry.Find(typeName) is { } descriptor
                    ? Results.Json((JsonNode)DescriptorJson.ToJson(descriptor))
                    : new ApiProblem(
                        StatusCodes.Status404NotFound,
                        ProblemCodes.ActivityTypeNotFound,
                        "Unknown activity type",
                        $"No activity type is named '{typeName}'.",
                        "GET /api/v1/descriptors/activities lists the registered types."))
            .WithName("GetActivityDescriptor")
            .WithSummary("One activity type's descriptor.");
    }
}
