using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Dsl.Tests.Support;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Tests.Reading;

public sealed class WorkflowFileTests
{
    [Fact]
    public void Sample_reads_into_the_definition_records()
    {
        var result = WorkflowFile.Read(Samples.Read("Valid", "loan-prep.json"), TestActivities.Registry);
        var definition = result.Definition!;
        var gate = definition.Activities[0];

        Assert.Empty(result.Diagnostics);
        Assert.Equal(("loan-prep", 3), (definition.Id, definition.Version));
        Assert.Equal(["rows", "files", "since"], definition.Inputs.Select(i => i.Name));
        Assert.True(definition.Inputs[2].Required);
        Assert.Equal(1000, definition.Inputs[0].Default!.GetValue<int>());
        Assert.Equal("TestFileTrigger", definition.Triggers[0].Type);
        Assert.Equal(["bucket", "prefix"], definition.Triggers[0].Inputs.Select(i => i.Key));
        Assert.Equal(TimeSpan.FromMinutes(10), gate.Timeout);
        Assert.Equal([new Edge("Passed", "each"), new Edge("Passed", "notify"), new Edge("Failed", "quarantine")], gate.Next);
        Assert.Equal(new Retrier(["States.Timeout"], 2, 3, 2.0, 30, JitterStrategy.Full).ErrorEquals, gate.Retry[0].ErrorEquals);
        Assert.Equal((2, 3, 2.0, (int?)30, JitterStrategy.Full), (gate.Retry[0].IntervalSeconds, gate.Retry[0].MaxAttempts, gate.Retry[0].BackoffRate, gate.Retry[0].MaxDelaySeconds, gate.Retry[0].JitterStrategy));
        Assert.Equal("quarantine", gate.Catch[0].Next);
        Assert.Equal(["log-item", "log-done"], definition.Activities[1].Body.Select(b => b.Id));
        Assert.Equal("./workflow.schema.json", definition.Unknown!["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Source_map_gives_line_and_column_of_properties_and_values()
    {
        var result = WorkflowFile.Read(Samples.Read("Valid", "loan-prep.json"));

        Assert.Equal(new SourcePosition(3, 3, 3, 9), result.SourceMap.Find("/id"));
        Assert.Equal(new SourcePosition(41, 7, 41, 13), result.SourceMap.Find("/activities/0/id"));
        Assert.Equal(new SourcePosition(40, 5, 40, 5), result.SourceMap.Find("/activities/0"));
        Assert.Null(result.SourceMap.Find("/activities/0/missing"));
        Assert.Equal(new SourcePosition(40, 5, 40, 5), result.SourceMap.FindNearest("/activities/0/missing/deeper"));
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var result = WorkflowFile.Read("{\"name\": \"é\", \"id\": 1}");

        Assert.Equal(new SourcePosition(1, 15, 1, 21), result.SourceMap.Find("/id"));
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("{\n  \"id\": \"x\",\n  \"version\": 1,,\n}", 3, 16)]
    [InlineData("{\"id\": \"x\"} trailing", 1, 13)]
    [InlineData("{\"id\": 'x'}", 1, 8)]
    public void Malformed_json_is_a_diagnostic_with_its_position(string text, int line, int column)
    {
        var result = WorkflowFile.Read(text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Null(result.Definition);
        Assert.Equal(("DPW001", line, column), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_allows_is_a_diagnostic()
    {
        var text = "{\"id\": " + new string('[', 200) + new string(']', 200) + "}";

        var diagnostic = Assert.Single(WorkflowFile.Read(text).Diagnostics);

        Assert.Equal("DPW001", diagnostic.Code);
        Assert.Contains("depth", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_that_is_not_an_object_is_a_diagnostic()
    {
        var result = WorkflowFile.Read("[1, 2]");

        Assert.Equal("DPW003", Assert.Single(result.Diagnostics).Code);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        var bytes = "\uFEFF{\"id\": \"x\"}"u8.ToArray();

        var result = WorkflowFile.Read(bytes);

        Assert.Equal("x", result.Definition!.Id);
        Assert.Equal(new SourcePosition(1, 2, 1, 8), result.SourceMap.Find("/id"));
    }

    [Fact]
    public void Wrong_shapes_are_reported_and_reading_continues()
    {
        var result = WorkflowFile.Read("""{"id": 5, "name": "n", "activities": [{"id": "a", "type": "T", "next": 3, "inputs": []}, 7]}""");

        Assert.Equal(["/id", "/activities/0/inputs", "/activities/0/next", "/activities/1"], result.Diagnostics.Select(d => d.Path));
        Assert.All(result.Diagnostics, d => Assert.Equal("DPW003", d.Code));
        Assert.Single(result.Definition!.Activities);
    }
}
