using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Label;
using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Engine.Control;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;

namespace DataPrepWorkflows.Activities.Tests.Label;

/// <summary>The Label activity run by the real engine over the embedded backends and the SQLite labeling store.</summary>
public sealed class LabelActivityTests : IAsyncLifetime
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(LabelActivity), typeof(Log)]);
    private readonly ManualClock _clock = new();
    private string _root = "";
    private DataBackends? _backends;
    private WorkflowEngine? _engine;
    private WorkflowDefinition? _definition;

    private DataBackends Backends => _backends!;

    private WorkflowEngine Engine => _engine!;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("label-activity-tests-").FullName;
        _backends = await DataBackends.OpenLocalAsync(_root);
        _engine = new WorkflowEngine(Registry, new JintExpressionEngine(), new WorkflowEngineOptions { Services = Backends, TimeProvider = _clock });
        await Backends.Storage.EnsureBucketAsync("raw");
        await WriteAsync("s3://raw/reviews.manifest", """
            {"source": "The food was delicious", "review_id": 1}
            {"source": "Service was slow and the soup cold", "review_id": 2}
            {"source": "We went on a Tuesday", "review_id": 3}
            """);
        await WriteAsync("s3://raw/labels.json", """{"document-version": "2018-11-28", "labels": [{"label": "negative"}, {"label": "positive"}]}""");
    }

    public Task DisposeAsync()
    {
        Backends.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Rules_that_label_everything_complete_at_once_without_a_bookmark()
    {
        await WriteAsync("s3://raw/loans.csv", "applicant_id,loan_purpose\nA1,Home\nA2,car \nA3,Education\n");

        var result = await StartAsync(Inputs(new JsonObject
        {
            ["data"] = "s3://raw/loans.csv",
            ["sourceColumn"] = "loan_purpose",
            ["labels"] = new JsonArray("secured", "unsecured"),
            ["autoLabeling"] = JsonNode.Parse("""{"rules": [{"label": "secured", "keywords": ["home", "car"], "confidence": 0.95}, {"label": "unsecured", "pattern": ".", "confidence": 0.9}]}"""),
            ["labeledDataOutput"] = "s3://labeled/flat/labels.jsonl",
        }));

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var outputs = result.Outputs("label");
        Assert.Equal(3, outputs.Int("autoLabeled"));
        Assert.Equal(0, outputs.Int("humanLabeled"));
        Assert.Equal("Completed", outputs["status"]!.GetValue<string>());
        Assert.Equal("s3://labeled/out/reviews-job/manifests/output/output.manifest", outputs["outputManifest"]!.GetValue<string>());
        Assert.Equal(["Completed"], result.State.Scopes["root"].Activities["label"].Outcomes!);
        var lines = File.ReadAllLines(Backends.ResolveLocalPath("s3://labeled/out/reviews-job/manifests/output/output.manifest")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("A2", lines[1]["applicant_id"]!.GetValue<string>());
        Assert.Equal("car ", lines[1]["source"]!.GetValue<string>());
        Assert.Equal("0", lines[1]["sentiment"]!.GetValue<string>());
        Assert.Equal("unsecured", lines[2]["sentiment-metadata"]!["class-name"]!.GetValue<string>());
        Assert.Equal("no", lines[2]["sentiment-metadata"]!["human-annotated"]!.GetValue<string>());
        Assert.Equal("s3://labeled/flat/labels.jsonl", outputs["labeledData"]!.GetValue<string>());
        var flat = File.ReadAllLines(Backends.ResolveLocalPath("s3://labeled/flat/labels.jsonl"));
        Assert.Equal(
            """{"applicant_id":"A1","loan_purpose":"Home","source":"Home","sentiment":"secured","sentiment_confidence":0.95,"sentiment_human_annotated":"no","sentiment_labeled_at":1768467600}""",
            flat[0]);
    }

    [Fact]
    public async Task Human_tasks_suspend_the_workflow_until_the_last_answer_resumes_it()
    {
        var sink = new EngineResumingSink(Engine, () => _definition!);
        var jobs = new LabelingJobs(SqliteLabelingStore.InStateFolder(_root), new LabelingFiles(Backends.Storage), _clock, sink);
        var started = await StartAsync(Inputs(new JsonObject
        {
            ["manifestS3Uri"] = "s3://raw/reviews.manifest",
            ["labelCategoryConfigS3Uri"] = "s3://raw/labels.json",
            ["numberOfHumanWorkersPerDataObject"] = 2,
            ["autoLabeling"] = JsonNode.Parse("""{"rules": [{"label": "positive", "keywords": ["delicious"], "confidence": 0.95}]}"""),
        }));
        sink.Track(started);

        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        var bookmark = Assert.Single(started.State.AllBookmarks());
        Assert.Equal(LabelActivity.BookmarkName, bookmark.Name);
        var waiting = await jobs.GetRequiredAsync("reviews-job");
        Assert.Equal(new LabelingJobWaiter(started.InstanceId, bookmark.Id), waiting.Waiter);
        Assert.Equal(new LabelingProgress(3, 0, 1, 0), waiting.Progress);

        foreach (var worker in new[] { "ana", "ben" })
        {
            while (await jobs.NextTaskAsync("reviews-job", worker) is { } task)
            {
                await jobs.SubmitAsync("reviews-job", worker, task.ObjectIndex, new LabelAnswer([task.ObjectIndex == 1 ? "negative" : "positive"]));
            }
        }

        var resumed = sink.Result!;
        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        var outputs = resumed.Outputs("label");
        Assert.Equal(2, outputs.Int("humanLabeled"));
        Assert.Equal(1, outputs.Int("autoLabeled"));
        Assert.Equal(0, outputs.Int("failedLabels"));
        Assert.Equal(3, outputs.Int("total"));
        Assert.Contains("labeling job reviews-job Completed: 2 labeled by people, 1 automatically, 0 failed", resumed.Logs());
        var lines = File.ReadAllLines(Backends.ResolveLocalPath(outputs["outputManifest"]!.GetValue<string>())).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("yes", lines[1]["sentiment-metadata"]!["human-annotated"]!.GetValue<string>());
        Assert.Equal(1.0, lines[1]["sentiment-metadata"]!["confidence"]!.GetValue<double>());
        Assert.True(File.Exists(Backends.ResolveLocalPath("s3://labeled/out/reviews-job/annotations/worker-response/iteration-1/2/" + "2026-01-15_09-00-00.json")));
    }

    [Fact]
    public async Task Stopping_the_job_resumes_the_workflow_on_the_Stopped_outcome()
    {
        var sink = new EngineResumingSink(Engine, () => _definition!);
        var jobs = new LabelingJobs(SqliteLabelingStore.InStateFolder(_root), new LabelingFiles(Backends.Storage), _clock, sink);
        var started = await StartAsync(Inputs(new JsonObject { ["manifestS3Uri"] = "s3://raw/reviews.manifest", ["labelCategoryConfigS3Uri"] = "s3://raw/labels.json" }));
        sink.Track(started);

        await jobs.StopAsync("reviews-job");

        Assert.Equal(WorkflowStatus.Finished, sink.Result!.Status);
        Assert.Equal(["Stopped"], sink.Result.State.Scopes["root"].Activities["label"].Outcomes!);
        Assert.Equal(3, sink.Result.Outputs("label").Int("failedLabels"));
    }

    [Fact]
    public async Task Resuming_by_hand_after_the_lifetime_completes_the_job_with_failures()
    {
        var started = await StartAsync(Inputs(new JsonObject
        {
            ["manifestS3Uri"] = "s3://raw/reviews.manifest",
            ["labelCategoryConfigS3Uri"] = "s3://raw/labels.json",
            ["taskAvailabilityLifetimeInSeconds"] = 60,
        }));
        _clock.Advance(TimeSpan.FromSeconds(60));

        var resumed = await Engine.ResumeAsync(_definition!, started.State, started.State.AllBookmarks().Single().Id);

        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.Equal(["Completed"], resumed.State.Scopes["root"].Activities["label"].Outcomes!);
        Assert.Equal(3, resumed.Outputs("label").Int("failedLabels"));
    }

    [Theory]
    [InlineData("labelAttributeName", "sentiment-metadata", LabelingErrorCodes.InvalidLabelAttributeName)]
    [InlineData("taskType", "Segmentation", "States.InputError")]
    [InlineData("manifestS3Uri", "s3://raw/missing.manifest", LabelingErrorCodes.InvalidLocation)]
    public async Task User_errors_fault_with_their_code(string input, string value, string code)
    {
        var inputs = Inputs(new JsonObject { ["manifestS3Uri"] = "s3://raw/reviews.manifest", ["labelCategoryConfigS3Uri"] = "s3://raw/labels.json" });
        inputs[input] = value;

        var result = await StartAsync(inputs);

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(code, result.Error!.Error);
    }

    private static JsonObject Inputs(JsonObject extra)
    {
        var inputs = new JsonObject
        {
            ["labelingJobName"] = "reviews-job",
            ["labelAttributeName"] = "sentiment",
            ["s3OutputPath"] = "s3://labeled/out/",
        };
        foreach (var (key, value) in extra)
        {
            inputs[key] = value?.DeepClone();
        }

        return inputs;
    }

    private static WorkflowDefinition Definition(JsonObject inputs) => new()
    {
        Id = "label",
        Version = 1,
        Name = "label",
        Activities =
        [
            new ActivityNode
            {
                Id = "label",
                Type = "Label",
                Inputs = [.. inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))],
                Next = [new Edge("Completed", "done"), new Edge("Stopped", "stopped")],
            },
            new ActivityNode { Id = "done", Type = "Log", Inputs = [KeyValuePair.Create("message", (JsonNode?)JsonValue.Create("done"))] },
            new ActivityNode { Id = "stopped", Type = "Log", Inputs = [KeyValuePair.Create("message", (JsonNode?)JsonValue.Create("stopped"))] },
        ],
    };

    private Task<WorkflowRunResult> StartAsync(JsonObject inputs)
    {
        _definition = Definition(inputs);
        return Engine.StartAsync(_definition, new WorkflowStartRequest { InstanceId = "run-1" });
    }

    private async Task WriteAsync(string uri, string content)
    {
        var path = Backends.ResolveLocalPath(uri);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content);
    }

    /// <summary>What a host does when a job ends: resume the waiting instance's bookmark with the engine.</summary>
    private sealed class EngineResumingSink(WorkflowEngine engine, Func<WorkflowDefinition> definition) : ILabelingCompletionSink
    {
        private WorkflowRunResult? _suspended;

        public WorkflowRunResult? Result { get; private set; }

        public void Track(WorkflowRunResult suspended) => _suspended = suspended;

        public async Task JobEndedAsync(LabelingJobSummary job, CancellationToken cancellationToken)
        {
            var state = _suspended!.State;
            Assert.Equal(state.InstanceId, job.Waiter!.InstanceId);
            Result = await engine.ResumeAsync(definition(), state, job.Waiter.BookmarkId, job.ToJson(), cancellationToken);
        }
    }
}
