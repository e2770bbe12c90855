using System.Net;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Server.Tests.Hosting;

namespace DataPrepWorkflows.Server.Tests.Health;

public sealed class HealthAndOpenApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Ready_reports_the_store_the_migrations_and_the_node()
    {
        using var client = server.Client(null);
        using var response = await client.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(("ready", "ok", "applied", "ok", "sqlite"), (
            body["status"]!.GetValue<string>(), body["store"]!.GetValue<string>(), body["migrations"]!.GetValue<string>(),
            body["node"]!.GetValue<string>(), body["provider"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint()
    {
        using var client = server.Client("viewer");
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var paths = document["paths"]!.AsObject();

        foreach (var path in new[]
        {
            "/api/v1/workflow-definitions", "/api/v1/workflow-definitions/{definitionId}", "/api/v1/workflow-definitions/{definitionId}/versions",
            "/api/v1/workflow-definitions/validate", "/api/v1/workflow-definitions/import", "/api/v1/workflow-definitions/{definitionId}/export",
            "/api/v1/workflow-definitions/{definitionId}/publish", "/api/v1/workflow-definitions/{definitionId}/retract",
            "/api/v1/workflow-definitions/{definitionId}/diff", "/api/v1/workflow-definitions/{definitionId}/dispatch",
            "/api/v1/descriptors/activities", "/api/v1/workflow-instances", "/api/v1/workflow-instances/{instanceId}",
            "/api/v1/workflow-instances/{instanceId}/journal", "/api/v1/workflow-instances/{instanceId}/journal/stream",
            "/api/v1/workflow-instances/{instanceId}/cancel", "/api/v1/workflow-instances/{instanceId}/retry",
            "/api/v1/bulk-actions/cancel/workflow-instances", "/api/v1/bulk-actions/retry/workflow-instances",
            "/api/v1/bookmarks/{bookmarkId}/resume", "/api/v1/events", "/api/v1/audit", "/health", "/ready",
        })
        {
            Assert.True(paths.ContainsKey(path) || paths.ContainsKey(path + "/"), $"OpenAPI lacks {path}");
        }

        Assert.Equal("DataPrepWorkflows server API", document["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_names_the_api_key_the_success_codes_and_the_problem_answer()
    {
        using var client = server.Client("viewer");
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var paths = document["paths"]!.AsObject();

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme["type"]!.GetValue<string>(), scheme["in"]!.GetValue<string>(), scheme["name"]!.GetValue<string>()));
        var dispatch = paths["/api/v1/workflow-definitions/{definitionId}/dispatch"]!["post"]!;
        Assert.True(dispatch["responses"]!.AsObject().ContainsKey("202"));
        Assert.False(dispatch["responses"]!.AsObject().ContainsKey("200"));
        Assert.True(dispatch["responses"]!.AsObject().ContainsKey("default"));
        Assert.Contains("ApiKey", dispatch["security"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(paths["/api/v1/workflow-definitions/import"]!["post"]!["responses"]!.AsObject().ContainsKey("201"));
        Assert.Null(paths["/health"]!["get"]!["security"]);
    }
}
