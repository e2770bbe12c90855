using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Diff;

public sealed class DiffCommandTests
{
    private const string Old = """{"id": "w", "version": 1, "name": "W", "description": "d", "activities": [{"id": "a", "type": "Log", "inputs": {"message": "one"}, "next": "b"}, {"id": "b", "type": "Finish"}]}""";
    private const string New = """{"id": "w", "version": 2, "name": "W", "description": "d", "activities": [{"id": "a", "type": "Log", "inputs": {"message": "two"}, "next": "c"}, {"id": "c", "type": "Finish"}]}""";

    [Fact]
    public async Task Diff_prints_the_structural_changes()
    {
        using var folder = new TempFolder();
        folder.Write("old.json", Old);
        folder.Write("new.json", New);

        var result = await DataprepProcess.RunAsync(folder.Path, "diff", "old.json", "new.json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("  ~ version: 1 → 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + c (Finish)", result.Output, StringComparison.Ordinal);
        Assert.Contains("  - b (Finish)", result.Output, StringComparison.Ordinal);
        Assert.Contains("      ~ inputs.message: \"one\" → \"two\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + a --Done--> c", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_json_is_the_records_the_server_returns()
    {
        using var folder = new TempFolder();
        folder.Write("old.json", Old);
        folder.Write("new.json", New);

        var result = await DataprepProcess.RunAsync(folder.Path, "diff", "old.json", "new.json", "--json");

        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal("c", (string?)json["activitiesAdded"]![0]!["id"]);
        Assert.Equal("b", (string?)json["edgesRemoved"]![0]!["to"]);
    }

    [Fact]
    public async Task Diff_of_a_file_with_itself_says_nothing_changed()
    {
        var result = await DataprepProcess.RunAsync(DataprepProcess.RepositoryRoot, "diff", "workflows/loan-prep.json", "workflows/loan-prep.json");

        Assert.Equal("No structural changes.\n", result.Output);
    }

    [Fact]
    public async Task Diff_of_an_unreadable_file_is_DPC024()
    {
        using var folder = new TempFolder();
        folder.Write("old.json", Old);
        folder.Write("broken.json", "{ \"id\": ");

        var result = await DataprepProcess.RunAsync(folder.Path, "diff", "old.json", "broken.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("broken.json(1,", result.Error, StringComparison.Ordinal);
        Assert.Contains("error DPC024:", result.Error, StringComparison.Ordinal);
    }
}
