using System.Net;
using DataPrepWorkflows.Server.Tests.Hosting;

namespace DataPrepWorkflows.Server.Tests.Security;

/// <summary>Each role against each class of endpoint: below the class's role → 403, no key → 401, otherwise through.</summary>
public sealed class AuthorizationMatrixTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string?[] Roles = [null, "viewer", "editor", "operator", "admin"];

    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (method, path, minimum) in new[]
        {
            ("GET", "/api/v1/workflow-definitions", 1),
            ("GET", "/api/v1/workflow-instances", 1),
            ("GET", "/api/v1/descriptors/activities", 1),
            ("GET", "/openapi/v1.json", 1),
            ("POST", "/api/v1/workflow-definitions/absent/retract", 2),
            ("POST", "/api/v1/workflow-definitions/absent/publish", 2),
            ("POST", "/api/v1/workflow-instances/absent/cancel", 3),
            ("POST", "/api/v1/bookmarks/absent/resume", 3),
            ("POST", "/api/v1/workflow-definitions/absent/dispatch", 3),
            ("GET", "/api/v1/audit", 4),
            ("DELETE", "/api/v1/workflow-definitions/absent", 4),
        })
        {
            for (var rank = 0; rank < Roles.Length; rank++)
            {
                data.Add(method, path, Roles[rank] ?? "none", rank == 0 ? 401 : rank < minimum ? 403 : 0);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_against_endpoint_class(string method, string path, string role, int expected)
    {
        using var client = server.Client(role == "none" ? null : role);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Seed.Json("{}") });

        if (expected == 0)
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            return;
        }

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(expected == 401 ? "DPA001" : "DPA002", problem["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task Health_is_open_and_everything_else_is_not()
    {
        using var anonymous = server.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/workflow-instances")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/no/such/route")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_what_to_do()
    {
        using var client = server.Client(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-a-configured-key");
        using var response = await client.GetAsync("/api/v1/workflow-definitions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("DPA001", problem["code"]?.GetValue<string>());
        Assert.Contains("not one of the server's configured keys", problem["detail"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Server:ApiKeys", problem["action"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_X_Api_Key_header_works_like_the_Authorization_header()
    {
        using var viewer = server.Client("viewer");
        var key = viewer.DefaultRequestHeaders.Authorization!.Parameter!;
        using var client = server.Client(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/workflow-definitions")).StatusCode);
    }
}
