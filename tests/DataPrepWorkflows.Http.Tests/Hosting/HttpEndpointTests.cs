using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Http.Tests.Testing;

namespace DataPrepWorkflows.Http.Tests.Hosting;

/// <summary>HTTP endpoint triggers served by MapHttpWorkflows over the real runtime and SQLite store.</summary>
public sealed class HttpEndpointTests : IAsyncLifetime
{
    private HttpWorkflowHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await HttpWorkflowHost.StartAsync();
        await _host.PublishAsync(Workflow("loan-review", new JsonObject
        {
            ["type"] = "HttpEndpoint",
            ["path"] = "/loans/{id}",
            ["methods"] = new JsonArray("POST", "PUT"),
            ["respond"] = "wait",
        }, new JsonObject
        {
            ["id"] = "answer",
            ["type"] = "WriteHttpResponse",
            ["inputs"] = new JsonObject
            {
                ["statusCode"] = 201,
                ["headers"] = new JsonObject { ["X-Loan"] = "=trigger.route.id" },
                ["content"] = "=({ id: trigger.route.id, amount: trigger.body.amount, source: trigger.query.source, team: trigger.headers['x-team'], method: trigger.method })",
            },
        }));
        await _host.PublishAsync(Workflow("ingest", new JsonObject { ["type"] = "HttpEndpoint", ["path"] = "/ingest" }, LogStep()));
        await _host.PublishAsync(Workflow("admin-only", new JsonObject
        {
            ["type"] = "HttpEndpoint",
            ["path"] = "/admin/reindex",
            ["authorization"] = "admin",
        }, LogStep()));
        await _host.PublishAsync(Workflow("slow-answer", new JsonObject
        {
            ["type"] = "HttpEndpoint",
            ["path"] = "/slow",
            ["respond"] = "wait",
            ["timeout"] = "PT0.5S",
        }, new JsonObject { ["id"] = "wait", ["type"] = "Delay", ["inputs"] = new JsonObject { ["duration"] = "PT1H" } }));
        await _host.PublishAsync(Workflow("no-answer", new JsonObject
        {
            ["type"] = "HttpEndpoint",
            ["path"] = "/quiet",
            ["methods"] = new JsonArray("GET"),
            ["respond"] = "wait",
        }, LogStep()));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WaitEndpoint_RespondsWithWhatTheWorkflowWrote_FromRouteQueryHeadersAndBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.Server.Url("/workflows/loans/L-17?source=portal"))
        {
            Content = new StringContent("""{"amount": 2500}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Team", "risk");
        request.Headers.Add("Authorization", "Bearer secret");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("L-17", response.Headers.GetValues("X-Loan").Single());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("""{"id":"L-17","amount":2500,"source":"portal","team":"risk","method":"POST"}""", body.ToJsonString());

        var instanceId = response.Headers.GetValues("X-Workflow-Instance-Id").Single();
        var instance = await _host.Runtime.WaitAsync(instanceId, TimeSpan.FromSeconds(10), CancellationToken.None);
        var state = WorkflowInstanceState.FromJson(instance!.State.Span);
        Assert.Null(state.Trigger!["headers"]!["authorization"]);
    }

    [Fact]
    public async Task SecondMethod_OfTheSameEndpoint_IsServedToo()
    {
        using var response = await _host.Client.PutAsync(_host.Server.Url("/workflows/loans/L-18"), JsonContent.Create(new { amount = 1 }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"method\":\"PUT\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImmediateEndpoint_Answers202WithTheInstance_WhichRunsWithTheRequestAsTrigger()
    {
        using var response = await _host.Client.PostAsync(_host.Server.Url("/workflows/ingest"), new StringContent("raw line", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instanceId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["instanceId"]!.GetValue<string>();
        var instance = await _host.Runtime.WaitAsync(instanceId, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(WorkflowStatus.Finished, instance!.Status);
        Assert.Equal("raw line", WorkflowInstanceState.FromJson(instance.State.Span).Trigger!["body"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/workflows/ingest", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/workflows/nowhere", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "/workflows/loans", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "/workflows/admin/reindex", null, HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/workflows/admin/reindex", "viewer", HttpStatusCode.Forbidden)]
    [InlineData("POST", "/workflows/admin/reindex", "admin", HttpStatusCode.Accepted)]
    public async Task Routing_AndAuthorization(string method, string path, string? role, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), _host.Server.Url(path)) { Content = new StringContent("") };
        if (role is not null)
        {
            request.Headers.Add("X-Test-Role", role);
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.Accepted)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task InvalidJsonBody_Is400()
    {
        using var response = await _host.Client.PostAsync(_host.Server.Url("/workflows/loans/L-1"), new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WaitEndpoint_WithoutAResponseInTime_Is504ProblemDetails()
    {
        using var response = await _host.Client.PostAsync(_host.Server.Url("/workflows/slow"), new StringContent(""));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("wrote no response", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitEndpoint_WhoseWorkflowFinishesWithoutWriting_Is204()
    {
        using var response = await _host.Client.GetAsync(_host.Server.Url("/workflows/quiet"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static JsonObject LogStep() => new() { ["id"] = "log", ["type"] = "Log", ["inputs"] = new JsonObject { ["message"] = "received" } };

    private static JsonObject Workflow(string id, JsonObject trigger, JsonObject activity) => new()
    {
        ["id"] = id,
        ["version"] = 1,
        ["name"] = id,
        ["description"] = "HTTP test workflow.",
        ["triggers"] = new JsonArray(trigger),
        ["activities"] = new JsonArray(activity),
    };
}
