using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Profile;
using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Tests.Profile;

/// <summary>The Profile activity run by the real workflow engine against the embedded local backends.</summary>
public sealed class ProfileActivityTests : IAsyncLifetime
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(ProfileActivity)]);
    private string _root = "";
    private DataBackends? _backends;

    private DataBackends Backends => _backends!;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("profile-tests-").FullName;
        _backends = await DataBackends.OpenLocalAsync(_root);
        await Backends.Storage.EnsureBucketAsync("raw");
        const string csv = "id,age,city\n1,30,Oslo\n2,,Bergen\n3,50,Oslo\n3,50,Oslo\n";
        await Backends.Storage.WriteBytesAsync(S3Uri.Parse("s3://raw/people.csv"), System.Text.Encoding.UTF8.GetBytes(csv));
    }

    [Fact]
    public async Task Profile_WritesJsonAndOfflineReport_AndReportsSummary()
    {
        var result = await RunAsync(new JsonObject { ["data"] = "s3://raw/people.csv", ["output"] = "s3://raw/profiles/people/" });

        var outputs = result.Outputs();
        Assert.Equal(4, outputs["rowCount"]!.GetValue<long>());
        Assert.Equal(3, outputs.Int("columnCount"));
        Assert.Equal(1, outputs["duplicateRowsCount"]!.GetValue<long>());
        Assert.Equal(1, outputs["missingValues"]!["age"]!.GetValue<long>());
        Assert.Equal("s3://raw/profiles/people/profile.json", outputs["profilePath"]!.GetValue<string>());
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Backends.ResolveLocalPath("s3://raw/profiles/people/profile.json")))!;
        Assert.Equal(130.0 / 3, json["columns"]![1]!["mean"]!.GetValue<double>(), 10);
        var html = await File.ReadAllTextAsync(Backends.ResolveLocalPath("s3://raw/profiles/people/report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidConfiguration_FaultsWithTheFieldName()
    {
        var result = await RunAsync(new JsonObject
        {
            ["data"] = "s3://raw/people.csv",
            ["output"] = "s3://raw/profiles/x/",
            ["configuration"] = new JsonObject { ["ProfileColumns"] = "age" },
        });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(ProfileErrors.InvalidInput, result.Error!.Error);
        Assert.Contains("configuration.ProfileColumns", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingData_FaultsAsUnreadable()
    {
        var result = await RunAsync(new JsonObject { ["data"] = "s3://raw/nothing.csv", ["output"] = "s3://raw/profiles/y/" });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(ProfileErrors.DataUnreadable, result.Error!.Error);
    }

    private Task<WorkflowRunResult> RunAsync(JsonObject inputs)
    {
        var definition = new WorkflowDefinition
        {
            Id = "profile",
            Version = 1,
            Name = "profile",
            Activities = [new ActivityNode { Id = "step", Type = "Profile", Inputs = [.. inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))] }],
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
