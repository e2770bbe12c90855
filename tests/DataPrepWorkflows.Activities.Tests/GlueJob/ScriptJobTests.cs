using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Activities.Tests.GlueJob;

public sealed class ScriptJobTests : IAsyncLifetime
{
    private GlueHarness _h = null!;

    public async Task InitializeAsync() => _h = await GlueHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private string Script(string name, string text)
    {
        var path = Path.Combine(_h.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_python_script_gets_Glue_style_arguments_and_its_output_lands_in_the_journal()
    {
        var script = Script("job.py", """
            import sys
            args = sys.argv[1:]
            print("args " + " ".join(args))
            print("warning: none", file=sys.stderr)
            """);

        var result = await _h.RunAsync("GlueJob", new { jobName = "py-job", script, arguments = new Dictionary<string, string> { ["--source"] = "s3://raw/in/", ["day"] = "3" } });

        var outputs = result.Outputs();
        Assert.Equal("SUCCEEDED", outputs["jobRunState"]!.GetValue<string>());
        var logs = result.Logs();
        var id = outputs["jobRunId"]!.GetValue<string>();
        Assert.Contains($"stdout: args --JOB_NAME py-job --JOB_RUN_ID {id} --source s3://raw/in/ --day 3", logs);
        Assert.Contains("stderr: warning: none", logs);
    }

    [Fact]
    public async Task A_failing_shell_script_ends_FAILED_with_its_exit_code_and_last_error_line()
    {
        var script = Script("job.sh", "echo starting\necho 'no input files' >&2\nexit 3\n");

        var result = await _h.RunAsync("GlueJob", new { jobName = "sh-job", script, maxRetries = 1 });

        var outputs = result.Outputs();
        Assert.Equal("FAILED", outputs["jobRunState"]!.GetValue<string>());
        Assert.Equal("The script exited with code 3: no input files", outputs["errorMessage"]!.GetValue<string>());
        Assert.Equal(1, outputs["attempt"]!.GetValue<int>());
        Assert.Equal(2, result.Logs().Count(m => m == "stdout: starting"));
        Assert.Equal(["Failed"], result.State.Scopes["root"].Activities["step"].Outcomes!);
    }

    [Fact]
    public async Task A_script_past_its_timeout_is_killed_and_ends_TIMEOUT()
    {
        var script = Script("slow.sh", "sleep 60\necho finished\n");

        var result = await _h.RunAsync("GlueJob", new { jobName = "slow", script, timeout = 1 }, clock: new ElapsedTimersClock());

        var outputs = result.Outputs();
        Assert.Equal("TIMEOUT", outputs["jobRunState"]!.GetValue<string>());
        Assert.Contains("timeout of 1 minutes", outputs["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("stdout: finished", result.Logs());
    }

    [Fact]
    public async Task An_unknown_script_type_faults_with_Glue_InvalidInput()
    {
        var result = await _h.RunAsync("GlueJob", new { jobName = "x", script = "job.rb" });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal("Glue.InvalidInput", result.Error!.Error);
    }
}
