using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.Engine.Control;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>The QualityGate activity run by the real workflow engine against the embedded local backends.</summary>
public sealed class QualityGateActivityTests : IAsyncLifetime
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(QualityGateActivity), typeof(Log)]);
    private readonly ManualDqClock _clock = new();
    private string _root = "";
    private DataBackends? _backends;

    private DataBackends Backends => _backends!;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("qualitygate-tests-").FullName;
        _backends = await DataBackends.OpenLocalAsync(_root);
        await Backends.Storage.EnsureBucketAsync("raw");
        await Backends.Storage.WriteBytesAsync(S3Uri.Parse("s3://raw/people.csv"), System.Text.Encoding.UTF8.GetBytes(DqFixture.People + "\n"));
    }

    [Fact]
    public async Task PassingRuleset_RoutesToPassed()
    {
        var result = await RunAsync(new JsonObject
        {
            ["ruleset"] = "Rules = [ RowCount = 5, IsComplete \"id\" ]",
            ["data"] = "s3://raw/people.csv",
        });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var gate = result.State.Scopes["root"].Activities["gate"];
        Assert.Equal(["Passed"], gate.Outcomes!);
        Assert.Equal(1.0, gate.Outputs!["score"]!.GetValue<double>());
        Assert.Equal(2, gate.Outputs["passed"]!.GetValue<int>());
        Assert.Equal(ActivityStatus.Completed, result.State.Scopes["root"].Activities["publish"].Status);
        Assert.False(result.State.Scopes["root"].Activities.TryGetValue("alert", out var alert) && alert.Status == ActivityStatus.Completed);
    }

    [Fact]
    public async Task FailingRuleset_RoutesToFailed_WithGlueShapedResultsQuarantineAndReport()
    {
        var ruleset = Backends.ResolveLocalPath("s3://raw/rules/people.dqdl");
        Directory.CreateDirectory(Path.GetDirectoryName(ruleset)!);
        await File.WriteAllTextAsync(ruleset, "Rules = [\n    RowCount = 5,\n    IsComplete \"age\",\n    Completeness \"nope\" > 0.5\n]\n");

        var result = await RunAsync(new JsonObject
        {
            ["ruleset"] = "s3://raw/rules/people.dqdl",
            ["data"] = "s3://raw/people.csv",
            ["datasetName"] = "people",
            ["passingOutput"] = "s3://raw/clean/people.csv",
            ["failingOutput"] = "s3://raw/quarantine/people.csv",
            ["reportOutput"] = "s3://raw/reports/people.html",
        });

        var gate = result.State.Scopes["root"].Activities["gate"];
        Assert.Equal(["Failed"], gate.Outcomes!);
        var outputs = gate.Outputs!;
        Assert.Equal((1, 1, 1), (outputs["passed"]!.GetValue<int>(), outputs["failed"]!.GetValue<int>(), outputs["errors"]!.GetValue<int>()));
        Assert.Equal(1.0 / 3.0, outputs["score"]!.GetValue<double>(), 12);
        var failed = outputs["results"]![1]!;
        Assert.Equal("IsComplete \"age\"", failed["Rule"]!.GetValue<string>());
        Assert.Equal("Failed", failed["Outcome"]!.GetValue<string>());
        Assert.Equal("Value: 0.8 does not meet the constraint requirement!", failed["FailureReason"]!.GetValue<string>());
        Assert.Equal(0.8, failed["EvaluatedMetrics"]!["Column.age.Completeness"]!.GetValue<double>());
        Assert.Equal("Error", outputs["results"]![2]!["Outcome"]!.GetValue<string>());
        Assert.Equal((4L, 1L), (outputs["passingRows"]!.GetValue<long>(), outputs["failingRows"]!.GetValue<long>()));
        Assert.Equal(5, File.ReadAllLines(Backends.ResolveLocalPath("s3://raw/clean/people.csv")).Length);
        var html = await File.ReadAllTextAsync(Backends.ResolveLocalPath("s3://raw/reports/people.html"));
        Assert.Contains("IsComplete &quot;age&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(_root, "data-quality", "people.history.json")));
        Assert.Equal(ActivityStatus.Completed, result.State.Scopes["root"].Activities["alert"].Status);
    }

    [Fact]
    public async Task InvalidRuleset_FaultsWithItsDiagnostics()
    {
        var result = await RunAsync(new JsonObject
        {
            ["ruleset"] = "Rules = [ Completeness \"a\" ]",
            ["data"] = "s3://raw/people.csv",
        });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(QualityGateErrors.InvalidRuleset, result.Error!.Error);
        Assert.Contains("ruleset:1:", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_AreGivenByAlias()
    {
        await Backends.Storage.WriteBytesAsync(S3Uri.Parse("s3://raw/countries.csv"), "code\nUS\nFR\n"u8.ToArray());

        var result = await RunAsync(new JsonObject
        {
            ["ruleset"] = "Rules = [ ReferentialIntegrity \"country\" \"countries.{code}\" = 0.8 ]",
            ["data"] = "s3://raw/people.csv",
            ["references"] = new JsonObject { ["countries"] = "s3://raw/countries.csv" },
        });

        Assert.Equal(["Passed"], result.State.Scopes["root"].Activities["gate"].Outcomes!);
    }

    private Task<WorkflowRunResult> RunAsync(JsonObject inputs)
    {
        var definition = new WorkflowDefinition
        {
            Id = "quality",
            Version = 1,
            Name = "quality",
            Activities =
            [
                new ActivityNode
                {
                    Id = "gate",
                    Type = "QualityGate",
                    Inputs = [.. inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))],
                    Next = [new Edge("Passed", "publish"), new Edge("Failed", "alert")],
                },
                new ActivityNode { Id = "publish", Type = "Log", Inputs = [KeyValuePair.Create("message", (JsonNode?)JsonValue.Create("publish"))] },
                new ActivityNode { Id = "alert", Type = "Log", Inputs = [KeyValuePair.Create("message", (JsonNode?)JsonValue.Create("alert"))] },
            ],
        };
        var engine = new WorkflowEngine(Registry, new JintExpressionEngine(), new WorkflowEngineOptions { TimeProvider = _clock, Services = Backends });
        return engine.StartAsync(definition, new WorkflowStartRequest { InstanceId = "run-1" });
    }

    public Task DisposeAsync()
    {
        Backends.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temporary folders.
        }

        return Task.CompletedTask;
    }
}
