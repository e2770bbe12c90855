using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Split;
using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Tests.Split;

/// <summary>The Split activity run by the real workflow engine against the embedded local backends.</summary>
public sealed class SplitActivityTests : IAsyncLifetime
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(SplitActivity)]);
    private string _root = "";
    private DataBackends? _backends;

    private DataBackends Backends => _backends!;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("split-activity-tests-").FullName;
        _backends = await DataBackends.OpenLocalAsync(_root);
        await Backends.Storage.EnsureBucketAsync("raw");
        var csv = "id,approved\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i},{(i % 4 == 0 ? "granted" : "refused")}\n"));
        await Backends.Storage.WriteBytesAsync(S3Uri.Parse("s3://raw/loans.csv"), System.Text.Encoding.UTF8.GetBytes(csv));
    }

    [Fact]
    public async Task Split_WritesFilesAndReportsCountsAndBalance()
    {
        var result = await RunAsync(new JsonObject
        {
            ["data"] = "s3://raw/loans.csv",
            ["output"] = "s3://raw/splits/",
            ["ratios"] = new JsonObject { ["train"] = 0.8, ["validation"] = 0, ["test"] = 0.2 },
            ["labelColumn"] = "approved",
            ["format"] = "csv",
        });

        var outputs = result.Outputs();
        Assert.Equal("s3://raw/splits/train.csv", outputs["trainPath"]!.GetValue<string>());
        Assert.Null(outputs["validationPath"]);
        var splits = outputs["splits"]!;
        Assert.Equal(80, splits["train"]!["rows"]!.GetValue<long>());
        Assert.Equal(20, splits["train"]!["labels"]!["granted"]!.GetValue<long>());
        Assert.Equal(5, splits["test"]!["labels"]!["granted"]!.GetValue<long>());
        Assert.Equal(21, File.ReadAllLines(Backends.ResolveLocalPath("s3://raw/splits/test.csv")).Length);
        Assert.False(File.Exists(Backends.ResolveLocalPath("s3://raw/splits/validation.csv")));
    }

    [Fact]
    public async Task UnknownColumn_FaultsWithTheInputName()
    {
        var result = await RunAsync(new JsonObject { ["data"] = "s3://raw/loans.csv", ["output"] = "s3://raw/s/", ["groupColumn"] = "customer" });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(SplitErrors.InvalidInput, result.Error!.Error);
        Assert.Contains("groupColumn: the data has no column 'customer'", result.Error.Cause, StringComparison.Ordinal);
    }

    private Task<WorkflowRunResult> RunAsync(JsonObject inputs)
    {
        var definition = new WorkflowDefinition
        {
            Id = "split",
            Version = 1,
            Name = "split",
            Activities = [new ActivityNode { Id = "step", Type = "Split", Inputs = [.. inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))] }],
        };
        var engine = new WorkflowEngine(Registry, new JintExpressionEngine(), new WorkflowEngineOptions { Services = Backends });
        return engine.StartAsync(definition, new WorkflowStartRequest { InstanceId = "run-1" });
    }

    public Task DisposeAsync()
    {
        Backends.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
