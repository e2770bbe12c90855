using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Interop;

public sealed class InteropCommandTests
{
    private const string Workflow = """
        {
          "id": "hello",
          "version": 2,
          "name": "Hello",
          "description": "Says hello, then fails on purpose and recovers.",
          "activities": [
            {
              "id": "greet",
              "type": "Log",
              "inputs": {
                "message": "hello ${workflow.id}"
              },
              "timeout": "PT1M",
              "next": "done"
            },
            {
              "id": "done",
              "type": "Finish"
            }
          ]
        }

        """;

    [Fact]
    public async Task Export_then_import_gives_back_the_same_file_and_layout()
    {
        using var folder = new TempFolder();
        folder.Write("hello.json", Workflow.Replace("\r\n", "\n", StringComparison.Ordinal));
        folder.Write("hello.layout.json", """{"activities": {"greet": {"x": 10, "y": 20}}}""");

        var export = await DataprepProcess.RunAsync(folder.Path, "export", "hello.json", "--format", "elsa3", "--output", "hello.elsa.json");
        var import = await DataprepProcess.RunAsync(folder.Path, "import", "hello.elsa.json", "--output", "back/hello.json");

        Assert.True(export.ExitCode == 0, export.Error);
        var elsa = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "hello.elsa.json")))!;
        Assert.Equal("Elsa.WriteLine", (string?)elsa["root"]!["activities"]![0]!["type"]);
        Assert.Equal(10, (int?)elsa["root"]!["activities"]![0]!["metadata"]!["designer"]!["position"]!["x"]);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(folder.Path, "hello.json")), File.ReadAllText(Path.Combine(folder.Path, "back", "hello.json")));
        Assert.Contains("\"greet\"", File.ReadAllText(Path.Combine(folder.Path, "back", "hello.layout.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_to_standard_output_by_default()
    {
        using var folder = new TempFolder();
        folder.Write("hello.json", Workflow);

        var result = await DataprepProcess.RunAsync(folder.Path, "export", "hello.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello", (string?)JsonNode.Parse(result.Output)!["definitionId"]);
    }

    [Fact]
    public async Task Export_refuses_another_format_with_a_coded_error()
    {
        using var folder = new TempFolder();
        folder.Write("hello.json", Workflow);

        var result = await DataprepProcess.RunAsync(folder.Path, "export", "hello.json", "--format", "bpmn");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC020: --format 'bpmn' is not supported", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_an_invalid_workflow_prints_its_diagnostics_and_DPC021()
    {
        using var folder = new TempFolder();
        folder.Write("bad.json", """{"id": "bad", "version": 1, "name": "B", "description": "d", "activities": [{"id": "a", "type": "Lgo"}]}""");

        var result = await DataprepProcess.RunAsync(folder.Path, "export", "bad.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.json(1,", result.Error, StringComparison.Ordinal);
        Assert.Contains("DPW006", result.Error, StringComparison.Ordinal);
        Assert.Contains("error DPC021:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_unknown_Elsa_activities_writes_the_file_and_reports_them_with_lines()
    {
        using var folder = new TempFolder();
        folder.Write("elsa.json", """
            {
              "definitionId": "http-flow",
              "name": "HTTP",
              "root": {
                "type": "Elsa.Flowchart",
                "activities": [
                  { "id": "endpoint", "type": "Elsa.HttpEndpoint", "path": "hi" }
                ]
              }
            }
            """);

        var result = await DataprepProcess.RunAsync(folder.Path, "import", "elsa.json", "-o", "http-flow.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("elsa.json(7,27): error DPW040: Activity 'endpoint' has the Elsa type 'Elsa.HttpEndpoint'", result.Error, StringComparison.Ordinal);
        Assert.Contains("http-flow.json(", result.Error, StringComparison.Ordinal);
        Assert.Contains("error DPC023: http-flow.json was written with", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "http-flow.json")));
    }

    [Fact]
    public async Task Import_of_something_that_is_not_a_definition_is_DPC022()
    {
        using var folder = new TempFolder();
        folder.Write("x.json", """{"hello": 1}""");

        var result = await DataprepProcess.RunAsync(folder.Path, "import", "x.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("x.json(1,1): error DPW041:", result.Error, StringComparison.Ordinal);
        Assert.Contains("error DPC022:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_DPC003()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "import", "nowhere.json");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC003:", result.Error, StringComparison.Ordinal);
    }
}
