using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.BiasCheck;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.Engine.Control;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Activities.Tests.BiasCheck;

/// <summary>The BiasCheck activity run by the real workflow engine on the loan sample.</summary>
public sealed class BiasCheckActivityTests : IAsyncLifetime
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(BiasCheckActivity), typeof(Log)]);
    private string _root = "";
    private DataBackends? _backends;

    private DataBackends Backends => _backends!;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("bias-activity-tests-").FullName;
        _backends = await DataBackends.OpenLocalAsync(_root);
        await Backends.Storage.EnsureBucketAsync("raw");
        var loans = Backends.ResolveLocalPath("s3://raw/loans.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(loans)!);
        using var writer = new StreamWriter(loans);
        LoanApplicationSample.Write(writer, new LoanSampleOptions { Rows = 20000 });
    }

    [Fact]
    public async Task LoanSample_FemaleApprovalGap_FailsTheDplThreshold_AndWritesClarifyOutputs()
    {
        var config = Backends.ResolveLocalPath("s3://raw/analysis_config.json");
        await File.WriteAllTextAsync(config, """
            {"dataset_type": "text/csv", "label": "approved", "label_values_or_threshold": [1],
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["Female"]}], "group_variable": "region",
             "methods": {"pre_training_bias": {"methods": "all"}}}
            """);

        var result = await RunAsync(new JsonObject
        {
            ["config"] = "s3://raw/analysis_config.json",
            ["data"] = "s3://raw/loans.csv",
            ["thresholds"] = new JsonObject { ["DPL"] = "|DPL| <= 0.02", ["CI"] = new JsonObject { ["max"] = 0.9, ["abs"] = true } },
            ["output"] = "s3://raw/bias/",
        });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var check = result.State.Scopes["root"].Activities["bias"];
        Assert.Equal(["Failed"], check.Outcomes!);
        var female = check.Outputs!["metrics"]!["sex"]![0]!;
        Assert.Equal("Female", female["value_or_threshold"]!.GetValue<string>());
        var dpl = female["metrics"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "DPL")!["value"]!.GetValue<double>();
        Assert.True(dpl > 0.03, $"DPL {dpl} should show the built-in approval gap");
        var failed = Assert.Single(check.Outputs["failedThresholds"]!.AsArray())!;
        Assert.Equal("DPL", failed["metric"]!.GetValue<string>());

        var analysis = JsonNode.Parse(await File.ReadAllTextAsync(Backends.ResolveLocalPath("s3://raw/bias/analysis.json")))!;
        Assert.Equal("1.0", analysis["version"]!.GetValue<string>());
        var section = analysis["pre_training_bias_metrics"]!;
        Assert.Equal("approved", section["label"]!.GetValue<string>());
        Assert.Equal("1", section["label_value_or_threshold"]!.GetValue<string>());
        var metrics = section["facets"]!["sex"]![0]!["metrics"]!.AsArray();
        Assert.Equal(["CDDL", "CI", "DPL", "JS", "KL", "KS", "LP", "TVD"], metrics.Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal("Difference in Positive Proportions in Labels (DPL)", metrics[2]!["description"]!.GetValue<string>());
        Assert.All(metrics, m => Assert.Equal(["name", "description", "value"], m!.AsObject().Select(p => p.Key)));
        var html = await File.ReadAllTextAsync(Backends.ResolveLocalPath("s3://raw/bias/report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["s3://raw/bias/analysis.json", "s3://raw/bias/report.html"], check.Outputs["files"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task InlineSettings_WithLooseThresholds_Pass()
    {
        var result = await RunAsync(new JsonObject
        {
            ["data"] = "s3://raw/loans.csv",
            ["label"] = "approved",
            ["labelValuesOrThreshold"] = new JsonArray(1),
            ["facet"] = new JsonArray(new JsonObject { ["name_or_index"] = "sex", ["value_or_threshold"] = new JsonArray("Female") }),
            ["methods"] = new JsonArray("DPL", "CI"),
            ["thresholds"] = new JsonObject { ["DPL"] = "|DPL| <= 0.5" },
        });

        var check = result.State.Scopes["root"].Activities["bias"];
        Assert.Equal(["Passed"], check.Outcomes!);
        Assert.Equal(2, check.Outputs!["metrics"]!["sex"]![0]!["metrics"]!.AsArray().Count);
        Assert.Equal(ActivityStatus.Completed, result.State.Scopes["root"].Activities["publish"].Status);
    }

    [Fact]
    public async Task MissingLabelValues_FaultsNamingTheField()
    {
        var result = await RunAsync(new JsonObject
        {
            ["data"] = "s3://raw/loans.csv",
            ["config"] = new JsonObject { ["label"] = "approved", ["facet"] = new JsonArray(new JsonObject { ["name_or_index"] = "sex" }) },
        });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(BiasErrors.InvalidConfig, result.Error!.Error);
        Assert.Contains("label_values_or_threshold", result.Error.Cause, StringComparison.Ordinal);
    }

    private Task<WorkflowRunResult> RunAsync(JsonObject inputs)
    {
        var definition = new WorkflowDefinition
        {
            Id = "bias",
            Version = 1,
            Name = "bias",
            Activities =
            [
                new ActivityNode
                {
                    Id = "bias",
                    Type = "BiasCheck",
                    Inputs = [.. inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))],
                    Next = [new Edge("Passed", "publish"), new Edge("Failed", "alert")],
                },
                new ActivityNode { Id = "publish", Type = "Log", Inputs = [KeyValuePair.Create("message", (JsonNode?)JsonValue.Create("publish"))] },
                new ActivityNode { Id = "alert", Type = "Log", Inputs = [KeyValuePair.Create("message", (JsonNode?)JsonValue.Create("alert"))] },
            ],
        };
        var engine = new WorkflowEngine(Registry, new JintExpressionEngine(), new WorkflowEngineOptions { Services = Backends });
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
