using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;
using DataPrepWorkflows.Server.Tests.Hosting;

namespace DataPrepWorkflows.Server.Tests.Labeling;

/// <summary>The server's labeling API records who assigned, answered, skipped and stopped, like every other mutation.</summary>
public sealed class LabelingAuditTests(LabelingAuditTests.LabelingServer server) : IClassFixture<LabelingAuditTests.LabelingServer>
{
    [Fact]
    public async Task Labeling_mutations_are_audited_and_reads_and_refusals_are_not()
    {
        await server.CreateJobAsync("reviews", "Lovely dinner", "Cold soup");
        using var editor = server.Client("editor");

        using var status = await editor.GetAsync("/labeling/api/jobs/reviews");
        using var next = await editor.PostAsync("/labeling/api/jobs/reviews/tasks/next?worker=ana", null);
        var task = await next.Content.ReadFromJsonAsync<JsonObject>();
        var index = (int)task!["objectIndex"]!;
        using var answer = await editor.PostAsJsonAsync($"/labeling/api/jobs/reviews/tasks/{index}/answer?worker=ana", new JsonObject { ["labels"] = new JsonArray("positive") });
        using var refused = await editor.PostAsJsonAsync($"/labeling/api/jobs/reviews/tasks/{index}/answer?worker=bob", new JsonObject { ["labels"] = new JsonArray("positive") });
        using var second = await editor.PostAsync("/labeling/api/jobs/reviews/tasks/next?worker=bob", null);
        var other = (int)(await second.Content.ReadFromJsonAsync<JsonObject>())!["objectIndex"]!;
        using var skip = await editor.PostAsync($"/labeling/api/jobs/reviews/tasks/{other}/skip?worker=bob", null);
        using var stop = await editor.PostAsync("/labeling/api/jobs/reviews/stop", null);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, skip.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        var records = new List<(string Action, string Target, string? Details)>();
        foreach (var target in new[] { "reviews", $"reviews/{index}", $"reviews/{other}" })
        {
            var page = await server.Store.Audit.ListAsync(null, target, 20, null, CancellationToken.None);
            Assert.All(page.Items, r => Assert.Equal(("editor-key", "editor"), (r.Actor, r.Role)));
            records.AddRange(page.Items.Select(r => (r.Action, r.Target, r.DetailsJson)));
        }

        Assert.Equal(
            [
                ("labeling.assign", $"reviews/{index}"), ("labeling.assign", $"reviews/{other}"), ("labeling.answer", $"reviews/{index}"),
                ("labeling.skip", $"reviews/{other}"), ("labeling.stop", "reviews"),
            ],
            records.Select(r => (r.Action, r.Target)).OrderBy(r => Order(r.Action)).ThenBy(r => r.Target, StringComparer.Ordinal).ToList());
        Assert.Contains(records, r => r.Action == "labeling.answer" && r.Details!.Contains("\"ana\"", StringComparison.Ordinal));
    }

    private static int Order(string action) => action switch
    {
        "labeling.assign" => 0,
        "labeling.answer" => 1,
        "labeling.skip" => 2,
        _ => 3,
    };

    /// <summary>The server with a labeling service over a SQLite labeling store in the fixture's folder.</summary>
    public sealed class LabelingServer : ServerFixture
    {
        private LabelingJobs? _jobs;

        public async Task CreateJobAsync(string name, params string[] texts)
        {
            var job = new LabelingJobDefinition
            {
                LabelingJobName = name,
                LabelAttributeName = "mood",
                TaskType = LabelingTaskType.TextClassification,
                Categories = new LabelCategoryConfig(["negative", "positive"]),
                OutputPath = Path.Combine(Path.GetTempPath(), "dataprep-server-tests", Guid.NewGuid().ToString("N")),
                TaskTitle = "Sentiment",
                TaskDescription = "Is the review positive or negative?",
                NumberOfHumanWorkersPerDataObject = 1,
                TaskTimeLimitInSeconds = 60,
                TaskAvailabilityLifetimeInSeconds = 3600,
            };
            var objects = InputManifest.Parse(string.Join('\n', texts.Select(t => $$"""{"source": "{{t}}"}""")), "input.manifest", LabelingTaskType.TextClassification);
            var plan = await _jobs!.PlanAsync(job, objects, null, 1.0);
            await _jobs.CreateAsync(plan, new LabelingJobWaiter("instance-1", "bookmark-1"));
        }

        protected override LabelingJobs? CreateLabeling(string folder) =>
            _jobs = new LabelingJobs(SqliteLabelingStore.InStateFolder(folder), new LabelingFiles(null), Time);
    }
}
