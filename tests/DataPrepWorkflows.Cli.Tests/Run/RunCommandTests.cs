using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Run;

public sealed class RunCommandTests
{
    private static string Sample => Path.Combine(DataprepProcess.RepositoryRoot, "workflows", "sample-control-flow.json");

    [Fact]
    public async Task Sample_runs_to_the_end_with_progress_summary_and_outputs()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "run", Sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("▶ each-file (ForEach)", result.Output, StringComparison.Ordinal);
        Assert.Contains("⏸ settle waiting until", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ both-done\s+│ Join\s+│ Completed", result.Output);
        Assert.Matches(@"│ too-few\s+│ Fail\s+│ Skipped", result.Output);
        Assert.Contains(": Finished in", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"batch\"", result.Output, StringComparison.Ordinal);

        var run = Assert.Single(Directory.GetDirectories(Path.Combine(folder.Path, ".dataprep", "runs")));
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "state.json")))!;
        Assert.Equal("sample-control-flow", state["WorkflowId"]?.GetValue<string>() ?? state["workflowId"]?.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(run, "journal.json")));
    }

    [Fact]
    public async Task Inputs_from_arguments_choose_the_recovery_path()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "run", Sample, "--input", "threshold=10", "--input", "items=[\"only.csv\"]");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("recovered from Sample.TooFewFiles", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"recovered\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_from_a_file_are_used_and_arguments_override_them()
    {
        using var folder = new TempFolder();
        var inputs = folder.Write("inputs.json", """{ "items": ["a.csv", "b.csv"], "threshold": 5 }""");

        var result = await DataprepProcess.RunAsync(folder.Path, "run", Sample, "--input-file", inputs, "--input", "threshold=2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"files\": 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"batch\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_input_is_a_usage_error_naming_the_inputs()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "run", Sample, "--input", "treshold=2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error DPC004: workflow 'sample-control-flow' has no input 'treshold'", result.Error, StringComparison.Ordinal);
        Assert.Contains("threshold (integer)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_of_the_wrong_type_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "run", Sample, "--input", "threshold=many");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error DPC004: --input threshold: 'many' is not a valid integer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faulting_workflow_exits_1_and_reports_the_error_and_activity()
    {
        using var folder = new TempFolder();
        var file = folder.Write("fails.json", """
            {
              "id": "fails",
              "version": 1,
              "name": "Fails",
              "description": "Fails on purpose with no catch.",
              "activities": [
                { "id": "boom", "type": "Fail", "inputs": { "error": "Data.Missing", "cause": "no rows arrived" } }
              ]
            }
            """);

        var result = await DataprepProcess.RunAsync(folder.Path, "run", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Faulted", result.Output, StringComparison.Ordinal);
        Assert.Contains("error Data.Missing in activity 'boom': no rows arrived", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_workflow_is_not_run()
    {
        using var folder = new TempFolder();
        var file = folder.Write("unknown.json", """
            {
              "id": "unknown",
              "version": 1,
              "name": "Unknown type",
              "description": "Uses an activity type that does not exist.",
              "activities": [ { "id": "a", "type": "Teleport" } ]
            }
            """);

        var result = await DataprepProcess.RunAsync(folder.Path, "run", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"unknown\.json\(6,\d+\): error DPW\d{3}: .*Teleport", result.Error);
        Assert.Contains("error DPC006:", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".dataprep", "runs")));
    }
}
