using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Validate;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Repository_workflows_validate_clean()
    {
        var result = await DataprepProcess.RunAsync(DataprepProcess.RepositoryRoot, "validate", "workflows");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("error", result.Output, StringComparison.Ordinal);
        Assert.Contains("0 error(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_workflow_prints_compiler_style_lines_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("bad.json", """
            {
              "id": "bad",
              "version": 1,
              "name": "Bad",
              "description": "An edge to nowhere.",
              "activities": [
                { "id": "start", "type": "Log", "inputs": { "message": "hi" }, "next": "nowhere" }
              ]
            }
            """);

        var result = await DataprepProcess.RunAsync(folder.Path, "validate", "bad.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^bad\.json\(7,\d+\): error DPW\d{3}: .*nowhere", result.Output.Trim());
    }

    [Fact]
    public async Task Malformed_json_reports_line_and_column()
    {
        using var folder = new TempFolder();
        folder.Write("broken.json", "{\n  \"id\": \"x\",\n  \"version\": 1,,\n}\n");

        var result = await DataprepProcess.RunAsync(folder.Path, "validate", "broken.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"broken\.json\(3,\d+\): error DPW001: ", result.Output);
    }

    [Fact]
    public async Task Missing_path_is_one_clear_error_without_stack_trace()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "validate", "nope.json");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC003: 'nope.json'", result.Error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
