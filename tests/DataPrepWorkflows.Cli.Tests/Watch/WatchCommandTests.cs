using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Watch;

public sealed class WatchCommandTests
{
    [Fact]
    public async Task A_dropped_file_runs_the_workflow_and_a_replayed_event_runs_it_once()
    {
        using var folder = WatchFolder.Create();
        await using var watch = WatchProcess.Start(folder.Path);
        Assert.Contains("1 workflow(s) published (landing v1)", await watch.WaitForLineAsync(l => l.StartsWith("dataprep watch:", StringComparison.Ordinal)), StringComparison.Ordinal);

        folder.Write(".dataprep/s3/raw/incoming/a.csv", "id\n1\n");
        Assert.Contains("Object Created s3://raw/incoming/a.csv", await watch.WaitForLineAsync(l => l.StartsWith("event ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("started landing v1 instance", await watch.WaitForLineAsync(l => l.Contains("started landing", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("landing v1: Finished", await watch.WaitForLineAsync(l => l.StartsWith("run ", StringComparison.Ordinal)), StringComparison.Ordinal);

        var eventFile = folder.Write("event.json", WatchFolder.Event("7c1e2f10-0000-4000-8000-000000000001", "incoming/b.csv"));
        var first = await DataprepProcess.RunAsync(folder.Path, "events", "put", "--event", "@" + eventFile);
        var second = await DataprepProcess.RunAsync(folder.Path, "events", "put", "--event", "@" + eventFile);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("started landing v1 instance", first.Output, StringComparison.Ordinal);
        Assert.Contains("duplicate for landing", second.Output, StringComparison.Ordinal);
        Assert.EndsWith("landing v1: Finished", await watch.WaitForLineAsync(l => l.StartsWith("run ", StringComparison.Ordinal), skip: 1), StringComparison.Ordinal);

        Assert.Equal(0, await watch.InterruptAsync());
        Assert.Equal(2, watch.Lines.Count(l => l.StartsWith("run ", StringComparison.Ordinal)));
        Assert.Contains("dataprep watch: stopped; work in hand committed.", watch.Lines);
    }

    [Fact]
    public async Task An_invalid_workflow_is_not_published()
    {
        using var folder = new TempFolder();
        folder.Write("workflows/bad.json", WatchFolder.Workflow.Replace("\"raw\"", "\"Raw_Bucket\"", StringComparison.Ordinal));
        var result = await DataprepProcess.RunAsync(folder.Path, "watch");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC050: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("DPW027", result.Error, StringComparison.Ordinal);
    }
}
