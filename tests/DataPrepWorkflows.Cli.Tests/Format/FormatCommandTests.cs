using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Format;

public sealed class FormatCommandTests
{
    [Fact]
    public async Task Formatting_twice_changes_nothing_the_second_time_and_keeps_unknown_fields()
    {
        using var folder = new TempFolder();
        var file = folder.Write("w.json", """
            {"activities":[{"type":"Log","id":"hello","inputs":{"message":"hi"},"x-owner":"team-a"}],
             "description":"d","name":"W","version":2,"id":"w","x-review":{"by":"lead"}}
            """);

        var first = await DataprepProcess.RunAsync(folder.Path, "fmt", "w.json");
        var once = File.ReadAllText(file);
        var second = await DataprepProcess.RunAsync(folder.Path, "fmt", "w.json");
        var check = await DataprepProcess.RunAsync(folder.Path, "fmt", "--check", "w.json");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("w.json: formatted", first.Output, StringComparison.Ordinal);
        Assert.Equal(once, File.ReadAllText(file));
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("formatted", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, check.ExitCode);
        Assert.True(once.IndexOf("\"id\"", StringComparison.Ordinal) < once.IndexOf("\"activities\"", StringComparison.Ordinal));
        Assert.Contains("\"x-owner\": \"team-a\"", once, StringComparison.Ordinal);
        Assert.Contains("\"x-review\"", once, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repository_workflows_are_in_canonical_form()
    {
        var result = await DataprepProcess.RunAsync(DataprepProcess.RepositoryRoot, "fmt", "--check", "workflows");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }
}
