using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.AutoLabeling;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;
using DataPrepWorkflows.Labeling.Tests.Fixtures;

namespace DataPrepWorkflows.Labeling.Tests.Running;

/// <summary>Jobs end to end over the real SQLite store and local output files, on a manual clock.</summary>
public sealed class LabelingJobsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new();
    private readonly RecordingSink _sink = new();
    private readonly LabelingJobs _jobs;

    public LabelingJobsTests() =>
        _jobs = new LabelingJobs(SqliteLabelingStore.InStateFolder(_folder.Path), new LabelingFiles(null), _clock, _sink);

    private string Output => Path.Combine(_folder.Path, "out");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Everything_auto_labeled_completes_at_once_and_writes_the_ground_truth_manifest()
    {
        var job = SampleJobs.Sentiment(Output);
        var rules = new RulePreLabeler([LabelRule.FromKeywords("positive", ["delicious"], 0.95), new LabelRule("negative", "cold|awful", 0.9)]);
        var plan = await _jobs.PlanAsync(job, SampleJobs.Texts("The food was delicious", "Awful and cold"), rules, threshold: 0.9);

        var summary = await _jobs.CreateAsync(plan, new LabelingJobWaiter("instance-1", "bookmark-1"));

        Assert.Equal(LabelingJobStatus.Completed, summary.Status);
        Assert.Equal(new LabelingProgress(2, 0, 2, 0), summary.Progress);
        Assert.Equal(Path.Combine(Output, "label-sentiment", "manifests", "output", "output.manifest"), Path.GetFullPath(summary.OutputManifest));
        var lines = File.ReadAllLines(summary.OutputManifest);
        Assert.Equal(
            """{"source":"The food was delicious","review_id":100,"mood":"1","mood-metadata":{"class-name":"positive","confidence":0.95,"type":"groundtruth/text-classification","job-name":"label-sentiment","human-annotated":"no","creation-date":"2026-03-02T10:15:30.123000"}}""",
            lines[0]);
        Assert.Contains("\"mood\":\"0\"", lines[1], StringComparison.Ordinal);
        Assert.Empty(_sink.Ended);
    }

    [Fact]
    public async Task Objects_below_the_threshold_go_to_people_who_are_never_given_the_same_object_twice()
    {
        var job = SampleJobs.Sentiment(Output, workers: 2);
        var rules = new RulePreLabeler([new LabelRule("positive", "delicious", 0.5)]);
        var plan = await _jobs.PlanAsync(job, SampleJobs.Texts("The food was delicious", "It was fine"), rules, threshold: 0.9);
        await _jobs.CreateAsync(plan, new LabelingJobWaiter("instance-1", "bookmark-1"));

        var first = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");
        var again = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");
        await _jobs.SubmitAsync(job.LabelingJobName, "ana", first!.ObjectIndex, new LabelAnswer(["positive"]));
        var second = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");
        await _jobs.SubmitAsync(job.LabelingJobName, "ana", second!.ObjectIndex, new LabelAnswer(["neutral"]));
        var none = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");

        Assert.Equal(0, first.ObjectIndex);
        Assert.Equal("The food was delicious", first.Source);
        Assert.Equal(["negative", "positive", "neutral"], first.Labels);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(60), first.ExpiresAt);
        Assert.Equal(0, again!.ObjectIndex);
        Assert.Equal(1, second.ObjectIndex);
        Assert.Null(none);
        var progress = (await _jobs.GetRequiredAsync(job.LabelingJobName)).Progress;
        Assert.Equal(new LabelingProgress(2, 0, 0, 0), progress);
    }

    [Fact]
    public async Task Three_workers_consolidate_complete_the_job_write_responses_and_tell_the_waiter_once()
    {
        var job = SampleJobs.Sentiment(Output, workers: 3);
        await _jobs.CreateAsync(await _jobs.PlanAsync(job, SampleJobs.Texts("Great", "Bad"), null, 0.9), new LabelingJobWaiter("instance-7", "bookmark-7"));

        foreach (var (worker, labels) in new[] { ("ana", new[] { "positive", "negative" }), ("ben", ["positive", "neutral"]), ("cai", ["negative", "negative"]) })
        {
            for (var i = 0; i < 2; i++)
            {
                var task = await _jobs.NextTaskAsync(job.LabelingJobName, worker);
                _clock.Advance(TimeSpan.FromSeconds(5));
                await _jobs.SubmitAsync(job.LabelingJobName, worker, task!.ObjectIndex, new LabelAnswer([labels[task.ObjectIndex]]));
            }
        }

        var ended = Assert.Single(_sink.Ended);
        Assert.Equal(LabelingJobStatus.Completed, ended.Status);
        Assert.Equal(new LabelingJobWaiter("instance-7", "bookmark-7"), ended.Waiter);
        Assert.Equal(new LabelingProgress(2, 2, 0, 0), ended.Progress);
        var lines = File.ReadAllLines(ended.OutputManifest).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("1", lines[0]["mood"]!.GetValue<string>());
        Assert.Equal(0.67, lines[0]["mood-metadata"]!["confidence"]!.GetValue<double>());
        Assert.Equal("yes", lines[0]["mood-metadata"]!["human-annotated"]!.GetValue<string>());
        Assert.Equal("0", lines[1]["mood"]!.GetValue<string>());

        var responses = Directory.GetFiles(Path.Combine(Output, "label-sentiment", "annotations", "worker-response", "iteration-1", "0"));
        var record = JsonNode.Parse(File.ReadAllText(Assert.Single(responses)))!;
        var answers = record["answers"]!.AsArray();
        Assert.Equal(["ana", "ben", "cai"], answers.Select(a => a!["workerId"]!.GetValue<string>()));
        Assert.Equal("""{"crowd-classifier":{"label":"positive"}}""", answers[0]!["answerContent"]!.ToJsonString());
        Assert.Equal("2026-03-02T10:15:30.123Z", answers[0]!["acceptanceTime"]!.GetValue<string>());
        Assert.Equal("2026-03-02T10:15:35.123Z", answers[0]!["submissionTime"]!.GetValue<string>());
        Assert.Equal(5.0, answers[0]!["timeSpentInSeconds"]!.GetValue<double>());
        var consolidated = Directory.GetFiles(Path.Combine(Output, "label-sentiment", "annotations", "consolidated-annotation", "consolidation-response", "iteration-1"));
        var content = JsonNode.Parse(File.ReadAllText(Assert.Single(consolidated)))!.AsArray();
        Assert.Equal("0", content[0]!["datasetObjectId"]!.GetValue<string>());
        Assert.Equal("positive", content[0]!["consolidatedAnnotation"]!["content"]!["mood-metadata"]!["class-name"]!.GetValue<string>());
        var late = await Assert.ThrowsAsync<LabelingException>(() => _jobs.SubmitAsync(job.LabelingJobName, "dan", 0, new LabelAnswer(["positive"])));
        Assert.Equal(LabelingErrorCodes.JobNotInProgress, late.Code);
    }

    [Fact]
    public async Task An_expired_claim_returns_the_object_to_the_pool_but_not_to_that_worker()
    {
        var job = SampleJobs.Sentiment(Output);
        await _jobs.CreateAsync(await _jobs.PlanAsync(job, SampleJobs.Texts("Only one"), null, 0.9));

        var ana = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");
        var benWhileHeld = await _jobs.NextTaskAsync(job.LabelingJobName, "ben");
        _clock.Advance(TimeSpan.FromSeconds(61));
        var late = await Assert.ThrowsAsync<LabelingException>(() => _jobs.SubmitAsync(job.LabelingJobName, "ana", 0, new LabelAnswer(["positive"])));
        var anaAgain = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");
        var ben = await _jobs.NextTaskAsync(job.LabelingJobName, "ben");

        Assert.Equal(0, ana!.ObjectIndex);
        Assert.Null(benWhileHeld);
        Assert.Equal(LabelingErrorCodes.NoClaim, late.Code);
        Assert.Null(anaAgain);
        Assert.Equal(0, ben!.ObjectIndex);
    }

    [Fact]
    public async Task A_skipped_object_goes_to_someone_else()
    {
        var job = SampleJobs.Sentiment(Output);
        await _jobs.CreateAsync(await _jobs.PlanAsync(job, SampleJobs.Texts("Hard one"), null, 0.9));

        var ana = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");
        await _jobs.SkipAsync(job.LabelingJobName, "ana", ana!.ObjectIndex);

        Assert.Null(await _jobs.NextTaskAsync(job.LabelingJobName, "ana"));
        Assert.Equal(0, (await _jobs.NextTaskAsync(job.LabelingJobName, "ben"))!.ObjectIndex);
    }

    [Fact]
    public async Task Stopping_consolidates_what_was_answered_and_fails_the_rest()
    {
        var job = SampleJobs.Sentiment(Output, workers: 2);
        await _jobs.CreateAsync(await _jobs.PlanAsync(job, SampleJobs.Texts("Answered once", "Never seen"), null, 0.9), new LabelingJobWaiter("i", "b"));
        var task = await _jobs.NextTaskAsync(job.LabelingJobName, "ana");
        await _jobs.SubmitAsync(job.LabelingJobName, "ana", task!.ObjectIndex, new LabelAnswer(["neutral"]));

        var stopped = await _jobs.StopAsync(job.LabelingJobName);

        Assert.Equal(LabelingJobStatus.Stopped, stopped.Status);
        Assert.Equal(LabelingJobs.StoppedByRequest, stopped.Job.EndReason);
        Assert.Equal(new LabelingProgress(2, 1, 0, 1), stopped.Progress);
        Assert.Same(stopped, Assert.Single(_sink.Ended));
        var lines = File.ReadAllLines(stopped.OutputManifest).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal("2", lines[0]["mood"]!.GetValue<string>());
        Assert.False(lines[1].ContainsKey("mood"));
        Assert.StartsWith("ClientError:", lines[1]["mood-metadata"]!["failure-reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(LabelingErrorCodes.JobNotInProgress, (await Assert.ThrowsAsync<LabelingException>(() => _jobs.StopAsync(job.LabelingJobName))).Code);
    }

    [Fact]
    public async Task When_the_lifetime_elapses_the_job_completes_with_failures()
    {
        var job = SampleJobs.Sentiment(Output);
        await _jobs.CreateAsync(await _jobs.PlanAsync(job, SampleJobs.Texts("Nobody came"), null, 0.9), new LabelingJobWaiter("i", "b"));

        Assert.Empty(await _jobs.ExpireDueAsync());
        _clock.Advance(TimeSpan.FromSeconds(3600));
        var ended = Assert.Single(await _jobs.ExpireDueAsync());

        Assert.Equal(LabelingJobStatus.Completed, ended.Status);
        Assert.Equal(LabelingJobs.LifetimeElapsed, ended.Job.EndReason);
        Assert.Equal(new LabelingProgress(1, 0, 0, 1), ended.Progress);
        Assert.Single(_sink.Ended);
        Assert.Null(await _jobs.NextTaskAsync(job.LabelingJobName, "ana"));
    }

    [Fact]
    public async Task Answers_that_do_not_fit_the_job_are_LBL010()
    {
        var job = SampleJobs.Sentiment(Output);
        await _jobs.CreateAsync(await _jobs.PlanAsync(job, SampleJobs.Texts("x"), null, 0.9));
        await _jobs.NextTaskAsync(job.LabelingJobName, "ana");

        var unknown = await Assert.ThrowsAsync<LabelingException>(() => _jobs.SubmitAsync(job.LabelingJobName, "ana", 0, new LabelAnswer(["angry"])));
        var two = await Assert.ThrowsAsync<LabelingException>(() => _jobs.SubmitAsync(job.LabelingJobName, "ana", 0, new LabelAnswer(["positive", "negative"])));

        Assert.Equal(LabelingErrorCodes.InvalidAnswer, unknown.Code);
        Assert.Contains("'angry'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(LabelingErrorCodes.InvalidAnswer, two.Code);
    }

    [Fact]
    public async Task Job_names_are_unique_case_insensitively()
    {
        await _jobs.CreateAsync(await _jobs.PlanAsync(SampleJobs.Sentiment(Output), SampleJobs.Texts("x"), null, 0.9));

        var error = await Assert.ThrowsAsync<LabelingException>(async () =>
            await _jobs.CreateAsync(await _jobs.PlanAsync(SampleJobs.Sentiment(Output, name: "Label-Sentiment"), SampleJobs.Texts("y"), null, 0.9)));

        Assert.Equal(LabelingErrorCodes.JobExists, error.Code);
        Assert.Single(await _jobs.ListAsync());
    }

    [Fact]
    public async Task Multi_label_auto_labels_write_class_and_confidence_maps()
    {
        var job = SampleJobs.Sentiment(Output) with { TaskType = LabelingTaskType.TextClassificationMultiLabel };
        var rules = new RulePreLabeler([new LabelRule("positive", "good", 0.9), new LabelRule("negative", "bad", 0.95)]);

        var summary = await _jobs.CreateAsync(await _jobs.PlanAsync(job, SampleJobs.Texts("good and bad"), rules, 0.8));

        var line = JsonNode.Parse(File.ReadAllLines(summary.OutputManifest)[0])!;
        Assert.Equal("[0,1]", line["mood"]!.ToJsonString());
        Assert.Equal(
            """{"class-map":{"0":"negative","1":"positive"},"confidence-map":{"0":0.9,"1":0.9},"type":"groundtruth/text-classification-multilabel","job-name":"label-sentiment","human-annotated":"no","creation-date":"2026-03-02T10:15:30.123000"}""",
            line["mood-metadata"]!.ToJsonString());
    }

    private sealed class RecordingSink : ILabelingCompletionSink
    {
        public List<LabelingJobSummary> Ended { get; } = [];

        public Task JobEndedAsync(LabelingJobSummary job, CancellationToken cancellationToken)
        {
            Ended.Add(job);
            return Task.CompletedTask;
        }
    }
}
