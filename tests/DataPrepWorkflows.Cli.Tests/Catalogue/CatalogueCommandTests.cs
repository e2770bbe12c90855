using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Catalogue;

public sealed class CatalogueCommandTests
{
    [Fact]
    public async Task Activities_lists_the_built_in_control_activities()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "activities");

        Assert.Equal(0, result.ExitCode);
        foreach (var type in new[] { "ForEach", "If", "Switch", "Join", "Delay", "RunWorkflow" })
        {
            Assert.Contains($"│ {type} ", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Describe_prints_the_descriptor_as_json()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "describe", "ForEach");
        var descriptor = JsonNode.Parse(result.Output)!;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ForEach", descriptor["typeName"]!.GetValue<string>());
        Assert.True(descriptor["hasBody"]!.GetValue<bool>());
        Assert.Contains(descriptor["inputs"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "parallelism");
    }

    [Fact]
    public async Task Describe_of_an_unknown_type_is_a_clear_error()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "describe", "Foreach");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC005: no activity type 'Foreach'", result.Error.Trim(), StringComparison.Ordinal);
    }
}
