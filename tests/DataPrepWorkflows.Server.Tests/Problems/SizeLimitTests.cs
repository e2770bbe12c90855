using System.Net;
using DataPrepWorkflows.Server.Tests.Hosting;

namespace DataPrepWorkflows.Server.Tests.Problems;

/// <summary>A server whose body limit is 1 KiB.</summary>
public sealed class SmallLimitServer() : ServerFixture(new Dictionary<string, string?> { ["Server:MaxRequestBodyBytes"] = "1024" });

public sealed class SizeLimitTests(SmallLimitServer server) : IClassFixture<SmallLimitServer>
{
    [Fact]
    public async Task A_body_over_the_limit_is_413_and_nothing_is_saved()
    {
        using var client = server.Client("editor");
        var big = Seed.Workflow("too-big", new string('x', 2000));
        using var response = await client.PostAsync("/api/v1/workflow-definitions", Seed.Json(big));

        var problem = await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "DPA003");
        Assert.Contains("1024", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await server.Store.Definitions.GetAsync("too-big", Persistence.VersionSelector.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_too()
    {
        using var client = server.Client("editor");
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Seed.Workflow("chunked", new string('y', 3000)))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/workflow-definitions") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);

        await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "DPA003");
    }

    [Fact]
    public async Task A_body_under_the_limit_is_accepted()
    {
        using var client = server.Client("editor");
        using var response = await client.PostAsync("/api/v1/workflow-definitions", Seed.Json(Seed.Workflow("small")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
