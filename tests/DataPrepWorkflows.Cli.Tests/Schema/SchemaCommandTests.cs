using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Schema;

public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Committed_schema_matches_the_registered_descriptors()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "schema", "--output", "-");
        var committed = File.ReadAllText(Path.Combine(DataprepProcess.RepositoryRoot, "workflows", "workflow.schema.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.True(committed == result.Output, "workflows/workflow.schema.json is stale: run 'dataprep schema' and commit it.");
    }

    [Fact]
    public async Task Schema_is_written_to_the_workflows_folder_by_default()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "schema");
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "workflows", "workflow.schema.json")))!;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.Contains("ForEach", schema.ToJsonString(), StringComparison.Ordinal);
    }
}
