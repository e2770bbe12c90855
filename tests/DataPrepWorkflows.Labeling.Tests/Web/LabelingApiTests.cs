using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.AutoLabeling;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;
using DataPrepWorkflows.Labeling.Tests.Fixtures;
using DataPrepWorkflows.Labeling.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPrepWorkflows.Labeling.Tests.Web;

/// <summary>The labeling API and page served by Kestrel on a loopback port, over the real SQLite store.</summary>
public sealed class LabelingApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new();
    private WebApplication? _app;
    private HttpClient? _http;
    private LabelingJobs? _jobs;

    private HttpClient Http => _http!;

    private LabelingJobs Jobs => _jobs!;

    public async Task InitializeAsync()
    {
        _jobs = new LabelingJobs(SqliteLabelingStore.InStateFolder(_folder.Path), new LabelingFiles(null), _clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication("Header").AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>("Header", null);
        builder.Services.AddAuthorization(o => o.AddPolicy("labelers", p => p.RequireAuthenticatedUser()));
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapLabeling(Jobs);
        _app.MapLabeling(Jobs, authorizationPolicy: "labelers", prefix: "/secure/labeling");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };

        var job = SampleJobs.Sentiment(Path.Combine(_folder.Path, "out"), workers: 1);
        var plan = await Jobs.PlanAsync(job, SampleJobs.Texts("Lovely dinner", "Cold soup", "Fine"), new RulePreLabeler([new LabelRule("positive", "lovely", 0.99)]), 0.9);
        await Jobs.CreateAsync(plan, new LabelingJobWaiter("instance-1", "bookmark-1"));
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task A_worker_labels_through_the_api_until_the_job_completes()
    {
        var list = await Http.GetFromJsonAsync<JsonArray>("/labeling/api/jobs/");
        var first = await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/next?worker=ana", null);
        var task = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var answered = await Http.PostAsJsonAsync("/labeling/api/jobs/label-sentiment/tasks/1/answer?worker=ana", new JsonObject { ["labels"] = new JsonArray("negative") });
        var progress = await Http.GetFromJsonAsync<JsonObject>("/labeling/api/jobs/label-sentiment");
        var second = await (await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/next?worker=ana", null)).Content.ReadFromJsonAsync<JsonObject>();
        var last = await Http.PostAsJsonAsync("/labeling/api/jobs/label-sentiment/tasks/2/answer?worker=ana", new JsonObject { ["labels"] = new JsonArray("neutral") });
        var none = await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/next?worker=ana", null);

        Assert.Equal("label-sentiment", Assert.Single(list!)!["LabelingJobName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, task["objectIndex"]!.GetValue<int>());
        Assert.Equal("Cold soup", task["source"]!.GetValue<string>());
        Assert.Equal(["negative", "positive", "neutral"], task["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(2, progress!["LabelCounters"]!["TotalLabeled"]!.GetValue<int>());
        Assert.Equal(3, progress["Total"]!.GetValue<int>());
        Assert.Equal(2, second!["objectIndex"]!.GetValue<int>());
        var done = (await last.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Completed", done["LabelingJobStatus"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.True(File.Exists(done["LabelingJobOutput"]!["OutputDatasetS3Uri"]!.GetValue<string>()));
    }

    [Fact]
    public async Task User_errors_come_back_as_coded_json_with_a_fitting_status()
    {
        await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/next?worker=ana", null);

        var wrongLabel = await Http.PostAsJsonAsync("/labeling/api/jobs/label-sentiment/tasks/1/answer?worker=ana", new JsonObject { ["labels"] = new JsonArray("angry") });
        var noClaim = await Http.PostAsJsonAsync("/labeling/api/jobs/label-sentiment/tasks/2/answer?worker=ana", new JsonObject { ["labels"] = new JsonArray("neutral") });
        var unknown = await Http.GetAsync("/labeling/api/jobs/nope");
        var noWorker = await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/next", null);

        Assert.Equal(HttpStatusCode.BadRequest, wrongLabel.StatusCode);
        Assert.Equal("LBL010", (await wrongLabel.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, noClaim.StatusCode);
        Assert.Equal("LBL012", (await noClaim.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var problem = (await unknown.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((404, "LBL008"), (problem["status"]!.GetValue<int>(), problem["code"]!.GetValue<string>()));
        Assert.Equal(problem["message"]!.GetValue<string>(), problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noWorker.StatusCode);
    }

    [Fact]
    public async Task Skip_and_stop()
    {
        await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/next?worker=ana", null);
        var skipped = await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/1/skip?worker=ana", null);
        var next = await (await Http.PostAsync("/labeling/api/jobs/label-sentiment/tasks/next?worker=ana", null)).Content.ReadFromJsonAsync<JsonObject>();
        var stopped = await (await Http.PostAsync("/labeling/api/jobs/label-sentiment/stop", null)).Content.ReadFromJsonAsync<JsonObject>();
        var again = await Http.PostAsync("/labeling/api/jobs/label-sentiment/stop", null);

        Assert.Equal(HttpStatusCode.NoContent, skipped.StatusCode);
        Assert.Equal(2, next!["objectIndex"]!.GetValue<int>());
        Assert.Equal("Stopped", stopped!["LabelingJobStatus"]!.GetValue<string>());
        Assert.Equal(2, stopped["LabelCounters"]!["FailedNonRetryableError"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task The_page_is_self_contained_with_keyboard_shortcuts()
    {
        var redirect = await Http.GetAsync("/labeling");
        var html = await Http.GetStringAsync("/labeling/");
        var script = await Http.GetStringAsync("/labeling/app.js");
        var css = await Http.GetAsync("/labeling/app.css");

        Assert.Equal("/labeling/", redirect.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<script src=\"app.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"progress-bar\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html + script, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("e.key === 'Enter'", script, StringComparison.Ordinal);
        Assert.Contains("/^[1-9]$/", script, StringComparison.Ordinal);
        Assert.Contains("e.key === 's'", script, StringComparison.Ordinal);
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task The_policy_guards_every_endpoint_and_the_signed_in_name_is_the_worker()
    {
        var anonymous = await Http.GetAsync("/secure/labeling/api/jobs/");
        var page = await Http.GetAsync("/secure/labeling/");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/secure/labeling/api/jobs/label-sentiment/tasks/next");
        request.Headers.Add("X-Worker", "signed-in-worker");
        var task = await Http.SendAsync(request);
        var claim = await Jobs.Store.ClaimAsync("label-sentiment", "signed-in-worker", null, 1, _clock.GetUtcNow(), _clock.GetUtcNow().AddMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, task.StatusCode);
        Assert.Equal(1, claim!.ObjectIndex);
    }

    /// <summary>Signs in whoever sends <c>X-Worker</c>.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var name = Request.Headers["X-Worker"].ToString();
            if (name.Length == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], Scheme.Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
        }
    }
}
