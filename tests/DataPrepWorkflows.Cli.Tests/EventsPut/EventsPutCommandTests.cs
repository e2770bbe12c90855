using DataPrepWorkflows.Cli.Tests.Process;
using DataPrepWorkflows.Cli.Tests.Watch;

namespace DataPrepWorkflows.Cli.Tests.EventsPut;

public sealed class EventsPutCommandTests
{
    [Fact]
    public async Task Events_in_JSON_Lines_start_runs_once_per_event_id()
    {
        using var folder = WatchFolder.Create();
        var lines = string.Join('\n',
            WatchFolder.Event("00000000-0000-4000-8000-00000000000a", "incoming/a.csv").ReplaceLineEndings(" "),
            WatchFolder.Event("00000000-0000-4000-8000-00000000000b", "elsewhere/b.csv").ReplaceLineEndings(" "),
            WatchFolder.Event("00000000-0000-4000-8000-00000000000a", "incoming/a.csv").ReplaceLineEndings(" "));
        var file = folder.Write("events.jsonl", lines + "\n");

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "put", "--event", "@" + file, "--workflows", "workflows", "--wait");

        Assert.True(result.ExitCode == 0, result.Error);
        var output = result.Output.ReplaceLineEndings("\n");
        Assert.Contains("00000000-0000-4000-8000-00000000000a: started landing v1 instance", output, StringComparison.Ordinal);
        Assert.Contains("00000000-0000-4000-8000-00000000000b: no workflow's trigger matches", output, StringComparison.Ordinal);
        Assert.Contains("00000000-0000-4000-8000-00000000000a: duplicate for landing", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.StartsWith("run ", StringComparison.Ordinal) && l.EndsWith("landing v1: Finished", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"source\": \"aws.s3\"}", "DPC053")]
    [InlineData("[1]", "DPC053")]
    [InlineData("@missing.json", "DPC054")]
    public async Task Input_that_is_not_events_is_a_user_error(string value, string code)
    {
        using var folder = WatchFolder.Create();
        var result = await DataprepProcess.RunAsync(folder.Path, "events", "put", "--event", value);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error {code}: --event", result.Error, StringComparison.Ordinal);
    }
}
