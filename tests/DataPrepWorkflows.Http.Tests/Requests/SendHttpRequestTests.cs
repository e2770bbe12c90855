using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Http.Tests.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Http.Tests.Requests;

public sealed class SendHttpRequestTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Json(new { body = await reader.ReadToEndAsync(), contentType = request.ContentType, team = request.Headers["X-Team"].ToString() });
        });
        app.MapGet("/text", () => Results.Text("plain words"));
        app.MapGet("/flaky/{id}", (string id) => Count(id) <= 2 ? Results.StatusCode(503) : Results.Json(new { ok = true }));
        app.MapGet("/down/{id}", (string id) => { Count(id); return Results.StatusCode(500); });
        app.MapGet("/throttled/{id}", (string id, HttpResponse response) =>
        {
            if (Count(id) == 1)
            {
                response.Headers.RetryAfter = "7";
                return Results.StatusCode(429);
            }

            return Results.Ok();
        });
        app.MapGet("/slow", async (CancellationToken aborted) =>
        {
            await _release.Task.WaitAsync(aborted);
            return Results.Ok();
        });
    });

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(200, "2xx")]
    [InlineData(204, "2xx")]
    [InlineData(404, "404")]
    [InlineData(409, "4xx")]
    [InlineData(418, "Failed")]
    public async Task StatusCode_ChoosesTheExpectedOutcome_ExactCodeBeforeClass(int status, string outcome)
    {
        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject
        {
            ["url"] = _server.Url($"/status/{status}"),
            ["expectedStatusCodes"] = new JsonArray("2xx", "404", status == 418 ? "5xx" : "4xx"),
        });

        Assert.Equal([outcome], step.Outcomes!);
        Assert.Equal(status, step.Outputs!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task JsonBody_IsSent_AndAJsonResponseIsParsed()
    {
        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject
        {
            ["url"] = _server.Url("/echo"),
            ["method"] = "post",
            ["headers"] = new JsonObject { ["X-Team"] = "risk" },
            ["body"] = new JsonObject { ["loan"] = 42 },
        });

        var body = step.Outputs!["responseBody"]!.AsObject();
        Assert.Equal("""{"loan":42}""", body["body"]!.GetValue<string>());
        Assert.StartsWith("application/json", body["contentType"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("risk", body["team"]!.GetValue<string>());
        Assert.StartsWith("application/json", step.Outputs["responseHeaders"]!["content-type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextResponse_IsKeptAsText()
    {
        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject { ["url"] = _server.Url("/text") });

        Assert.Equal("plain words", step.Outputs!["responseBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServiceUnavailableTwice_IsRetried_WithGrowingDelays_ThenSucceeds()
    {
        var clock = new RetryClock();

        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject
        {
            ["url"] = _server.Url("/flaky/a"),
            ["maxAttempts"] = 3,
            ["retryDelay"] = "PT2S",
            ["timeout"] = "PT2H",
        }, clock);

        Assert.Equal(["2xx"], step.Outcomes!);
        Assert.Equal(3, step.Outputs!["attempts"]!.GetValue<int>());
        Assert.True(step.Outputs["responseBody"]!["ok"]!.GetValue<bool>());
        Assert.Equal(3, _calls["a"]);
        var delays = clock.Delays.ToList();
        Assert.Equal(2, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ServerErrors_BeyondMaxAttempts_FollowFailed()
    {
        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject
        {
            ["url"] = _server.Url("/down/b"),
            ["maxAttempts"] = 2,
            ["timeout"] = "PT2H",
        }, new RetryClock());

        Assert.Equal(["Failed"], step.Outcomes!);
        Assert.Equal(500, step.Outputs!["statusCode"]!.GetValue<int>());
        Assert.Equal(2, _calls["b"]);
    }

    [Fact]
    public async Task TooManyRequests_WaitsWhatRetryAfterSays()
    {
        var clock = new RetryClock();

        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject
        {
            ["url"] = _server.Url("/throttled/c"),
            ["timeout"] = "PT2H",
        }, clock);

        Assert.Equal(["2xx"], step.Outcomes!);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Delays.ToList());
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeout_FollowsFailed_WithTheReason()
    {
        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject
        {
            ["url"] = _server.Url("/slow"),
            ["timeout"] = "PT0.3S",
            ["maxAttempts"] = 1,
        });

        Assert.Equal(["Failed"], step.Outcomes!);
        Assert.Contains("did not answer within", step.Outputs!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListening_FollowsFailed_AfterRetrying()
    {
        var step = await ActivityRunner.RunAsync("SendHttpRequest", new JsonObject
        {
            ["url"] = "http://127.0.0.1:1/nothing",
            ["maxAttempts"] = 2,
            ["timeout"] = "PT2H",
        }, new RetryClock());

        Assert.Equal(["Failed"], step.Outcomes!);
        Assert.Equal(2, step.Outputs!["attempts"]!.GetValue<int>());
        Assert.Equal(0, step.Outputs["statusCode"]!.GetValue<int>());
    }

    private int Count(string id) => _calls.AddOrUpdate(id, 1, (_, n) => n + 1);
}
