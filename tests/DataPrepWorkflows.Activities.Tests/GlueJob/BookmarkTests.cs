using DataPrepWorkflows.Activities.Tests.Fixtures;

namespace DataPrepWorkflows.Activities.Tests.GlueJob;

public sealed class BookmarkTests : IAsyncLifetime
{
    private const string NewLoans = "SELECT id, amount FROM read_csv(${bookmark:s3://raw/loans/})";
    private GlueHarness _h = null!;
    private int _runs;

    public async Task InitializeAsync() => _h = await GlueHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<(int Files, long Rows, string State)> RunAsync(string option, string sql = NewLoans)
    {
        var script = Path.Combine(_h.Root, $"job-{++_runs}.sql");
        File.WriteAllText(script, sql);
        var result = await _h.RunAsync("GlueJob", new
        {
            jobName = "ingest-loans",
            script,
            arguments = new Dictionary<string, string> { ["--job-bookmark-option"] = option, ["--output_path"] = "s3://curated/loans/" },
        }, $"i-{_runs}");
        var outputs = result.Outputs();
        return (outputs["bookmarkedFiles"]!.GetValue<int>(), outputs["rowsWritten"]!.GetValue<long>(), outputs["jobRunState"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enabled_bookmarks_hand_each_run_only_the_files_that_arrived_since_the_last_successful_run()
    {
        await _h.PutAsync("s3://raw/loans/a.csv", "id,amount\n1,10\n2,20\n");
        await _h.PutAsync("s3://raw/loans/_SUCCESS", "");

        var first = await RunAsync("job-bookmark-enable");
        await _h.PutAsync("s3://raw/loans/b.csv", "id,amount\n3,30\n");
        var second = await RunAsync("job-bookmark-enable");
        var third = await RunAsync("job-bookmark-enable");
        await _h.PutAsync("s3://raw/loans/a.csv", "id,amount\n1,11\n2,21\n9,90\n");
        var changed = await RunAsync("job-bookmark-enable");

        Assert.Equal((1, 2L, "SUCCEEDED"), first);
        Assert.Equal((1, 1L, "SUCCEEDED"), second);
        Assert.Equal((0, 0L, "SUCCEEDED"), third);
        Assert.Equal((1, 3L, "SUCCEEDED"), changed);
        Assert.Equal(3, Directory.GetFiles(_h.LocalPath("s3://curated/loans/"), "*.parquet").Length);
    }

    [Fact]
    public async Task Paused_bookmarks_read_the_bookmark_without_advancing_it()
    {
        await _h.PutAsync("s3://raw/loans/a.csv", "id,amount\n1,10\n");
        await RunAsync("job-bookmark-enable");
        await _h.PutAsync("s3://raw/loans/b.csv", "id,amount\n3,30\n");

        var paused = await RunAsync("job-bookmark-pause");
        var pausedAgain = await RunAsync("job-bookmark-pause");
        var enabled = await RunAsync("job-bookmark-enable");
        var after = await RunAsync("job-bookmark-enable");

        Assert.Equal(1, paused.Files);
        Assert.Equal(1, pausedAgain.Files);
        Assert.Equal(1, enabled.Files);
        Assert.Equal(0, after.Files);
    }

    [Fact]
    public async Task Disabled_bookmarks_hand_every_file_to_every_run()
    {
        await _h.PutAsync("s3://raw/loans/a.csv", "id,amount\n1,10\n");
        await _h.PutAsync("s3://raw/loans/b.csv", "id,amount\n3,30\n");

        Assert.Equal((2, 2L, "SUCCEEDED"), await RunAsync("job-bookmark-disable"));
        Assert.Equal((2, 2L, "SUCCEEDED"), await RunAsync("job-bookmark-disable"));
    }

    [Fact]
    public async Task A_failed_run_does_not_advance_the_bookmark()
    {
        await _h.PutAsync("s3://raw/loans/a.csv", "id,amount\n1,10\n");

        var failed = await RunAsync("job-bookmark-enable", NewLoans + " WHERE no_such_column = 1");
        var retried = await RunAsync("job-bookmark-enable");

        Assert.Equal("FAILED", failed.State);
        Assert.Equal((1, 1L, "SUCCEEDED"), retried);
    }

    [Fact]
    public async Task An_unknown_bookmark_option_faults_with_Glue_InvalidInput()
    {
        var result = await _h.RunAsync("GlueJob", new
        {
            jobName = "x",
            script = "x.sql",
            arguments = new Dictionary<string, string> { ["--job-bookmark-option"] = "enable" },
        });

        Assert.Equal("Glue.InvalidInput", result.Error!.Error);
        Assert.Contains("job-bookmark-enable", result.Error.Cause, StringComparison.Ordinal);
    }
}
