using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Clean;
using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Tests.Clean;

/// <summary>The Clean activity run by the real workflow engine against real local backends.</summary>
public sealed class CleanActivityTests : IAsyncLifetime
{
    private const string Loans = "id,age,income,region,status\n1,30,100,north,ok\n2,,200,South,ok\n2,,200,South,ok\n3,40,,north,bad\n4,50,400, east ,ok\n";

    private const string Recipe = """
        [
          { "Action": { "Operation": "DELETE_DUPLICATE_ROWS" } },
          { "Action": { "Operation": "FILL_WITH_AVERAGE", "Parameters": { "sourceColumn": "age" } } },
          { "Action": { "Operation": "REMOVE_MISSING", "Parameters": { "sourceColumn": "income" } } },
          { "Action": { "Operation": "REMOVE_COMBINED", "Parameters": { "sourceColumn": "region", "removeLeadingAndTrailingWhitespace": "true" } } },
          { "Action": { "Operation": "CAPITAL_CASE", "Parameters": { "sourceColumn": "region" } } },
          { "Action": { "Operation": "NORMALIZATION", "Parameters": { "sourceColumn": "income", "strategy": "MIN_MAX", "targetColumn": "income_scaled" } } },
          { "Action": { "Operation": "DELETE", "Parameters": { "sourceColumn": "status" } } }
        ]
        """;

    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(CleanActivity)]);
    private string _root = "";
    private DataBackends? _backends;

    private DataBackends Backends => _backends!;

    public async Task InitializeAsync()
    {
        _root = Directory.CreateTempSubdirectory("clean-activity-").FullName;
        _backends = await DataBackends.OpenLocalAsync(_root);
    }

    public Task DisposeAsync()
    {
        _backends?.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private Task<WorkflowRunResult> RunAsync(JsonObject inputs)
    {
        var definition = new WorkflowDefinition
        {
            Id = "clean-test",
            Version = 1,
            Name = "clean-test",
            Activities = [new ActivityNode { Id = "step", Type = "Clean", Inputs = inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList() }],
        };
        var engine = new WorkflowEngine(Registry, new JintExpressionEngine(), new WorkflowEngineOptions { TimeProvider = new ManualClock(), Services = Backends });
        return engine.StartAsync(definition, new WorkflowStartRequest { InstanceId = "i-1" });
    }

    private async Task<string> PutAsync(string name, string content)
    {
        var path = Path.Combine(_root, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    [Fact]
    public async Task Cleans_writes_and_reports_steps_and_diff()
    {
        var data = await PutAsync("loans.csv", Loans);
        var output = Path.Combine(_root, "out", "clean.csv");
        var result = await RunAsync(new JsonObject { ["recipe"] = JsonNode.Parse(Recipe), ["data"] = data, ["output"] = output });

        var outputs = result.Outputs();
        Assert.Equal(output, outputs["outputPath"]!.GetValue<string>());
        var steps = outputs["steps"]!.AsArray();
        Assert.Equal(8, steps.Count);
        Assert.Equal([5, 4, 4, 3, 3, 3, 3, 3], steps.Select(s => s!["rows"]!.GetValue<long>()));
        Assert.Equal([5, 5, 5, 5, 5, 5, 6, 5], steps.Select(s => s!["columns"]!.GetValue<int>()));
        Assert.Equal(1, steps[2]!["valuesFilled"]!.GetValue<long>());
        var diff = outputs["diff"]!.AsObject();
        Assert.Equal(5, diff["rowsIn"]!.GetValue<long>());
        Assert.Equal(3, diff["rowsOut"]!.GetValue<long>());
        Assert.Equal(2, diff["rowsRemoved"]!.GetValue<long>());
        Assert.Equal(1, diff["valuesFilled"]!.GetValue<long>());
        Assert.Equal("[\"income_scaled\"]", diff["columnsAdded"]!.ToJsonString());
        Assert.Equal("[\"status\"]", diff["columnsRemoved"]!.ToJsonString());

        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("id,age,income,income_scaled,region", lines[0]);
        Assert.Equal(["1,30.0,100,0.0,North", "2,40.0,200,0.3333333333333333,South", "4,50.0,400,1.0,East"], lines[1..]);
        Assert.Contains(result.Logs(), l => l.Contains("Step 3 REMOVE_MISSING: 3 rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_the_recipe_from_s3_writes_parquet_to_s3_and_registers_the_table()
    {
        await Backends.Storage.EnsureBucketAsync("lake");
        await Backends.Storage.WriteBytesAsync(S3Uri.Parse("s3://lake/recipes/loans.json"), System.Text.Encoding.UTF8.GetBytes(Recipe));
        await Backends.Storage.WriteBytesAsync(S3Uri.Parse("s3://lake/raw/loans.csv"), System.Text.Encoding.UTF8.GetBytes(Loans));
        var result = await RunAsync(new JsonObject
        {
            ["recipe"] = "s3://lake/recipes/loans.json",
            ["data"] = "s3://lake/raw/loans.csv",
            ["output"] = "s3://lake/clean/loans.parquet",
            ["outputTable"] = "curated.loans",
        });

        var outputs = result.Outputs();
        Assert.Equal("curated.loans", outputs["table"]!.GetValue<string>());
        var table = await Backends.Catalog.GetTableAsync("curated", "loans");
        Assert.Equal("s3://lake/clean/loans.parquet", table.StorageDescriptor!.Location);
        Assert.Equal(["id", "age", "income", "income_scaled", "region"], table.StorageDescriptor.Columns!.Select(c => c.Name));
        Assert.Equal("double", table.StorageDescriptor.Columns![3].Type);
        Assert.True(File.Exists(Backends.ResolveLocalPath("s3://lake/clean/loans.parquet")));
    }

    [Fact]
    public async Task An_invalid_recipe_faults_with_the_diagnostics_and_writes_nothing()
    {
        var data = await PutAsync("loans.csv", Loans);
        var output = Path.Combine(_root, "never.csv");
        var result = await RunAsync(new JsonObject
        {
            ["recipe"] = """[{"Action":{"Operation":"RENAME","Parameters":{"sourceColumn":"agee","targetColumn":"years"}}}]""",
            ["data"] = data,
            ["output"] = output,
        });

        Assert.Equal(CleanErrors.InvalidRecipe, result.Error!.Error);
        Assert.Contains("DBR016 step 1 (RENAME) sourceColumn: no column 'agee' at this step (did you mean 'age'?)", result.Error.Cause, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_missing_recipe_file_faults_with_RecipeNotFound()
    {
        var data = await PutAsync("loans.csv", Loans);
        var result = await RunAsync(new JsonObject { ["recipe"] = Path.Combine(_root, "none.json"), ["data"] = data, ["output"] = Path.Combine(_root, "o.csv") });
        Assert.Equal(CleanErrors.RecipeNotFound, result.Error!.Error);
    }

    [Fact]
    public async Task Partitioned_output_writes_one_folder_per_value()
    {
        var data = await PutAsync("loans.csv", Loans);
        var output = Path.Combine(_root, "parts");
        var result = await RunAsync(new JsonObject
        {
            ["recipe"] = JsonNode.Parse(Recipe),
            ["data"] = data,
            ["output"] = output,
            ["format"] = "parquet",
            ["partitionBy"] = new JsonArray("region"),
        });

        Assert.Equal(3, result.Outputs()["diff"]!["rowsOut"]!.GetValue<long>());
        Assert.Equal(["region=East", "region=North", "region=South"], Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
