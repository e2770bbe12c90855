using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Tests.Support;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Tests.Validation;

public sealed class WorkflowValidatorTests
{
    private static readonly WorkflowValidator Validator = new(TestActivities.Registry);

    private static IReadOnlyList<Diagnostic> Validate(string activities, string extra = "") =>
        Validator.Validate($$"""{"id":"w","version":1,"name":"n","description":"d",{{extra}}"activities":[{{activities}}]}""").Diagnostics;

    [Theory]
    [InlineData("\"=inputs.anything\"")]
    [InlineData("\"${inputs.rows}\"")]
    [InlineData("5")]
    public void Expressions_and_single_part_templates_may_produce_any_type(string rows)
    {
        Assert.Empty(Validate($$$"""{"id":"g","type":"TestGate","inputs":{"ruleset":"r","rows":{{{rows}}}}}"""));
    }

    [Theory]
    [InlineData("\"==5\"")]
    [InlineData("\"rows: ${inputs.rows}\"")]
    [InlineData("5.5")]
    [InlineData("true")]
    public void Literals_and_text_templates_are_type_checked(string rows)
    {
        Assert.Equal("DPW011", Assert.Single(Validate($$$"""{"id":"g","type":"TestGate","inputs":{"ruleset":"r","rows":{{{rows}}}}}""")).Code);
    }

    [Theory]
    [InlineData("wait", "\"PT5M\"", true)]
    [InlineData("wait", "\"5 minutes\"", false)]
    [InlineData("threshold", "1", true)]
    [InlineData("enabled", "\"yes\"", false)]
    [InlineData("options", "[1, {\"a\": \"=x\"}]", true)]
    public void Input_types_follow_the_descriptor(string input, string value, bool valid)
    {
        var diagnostics = Validate($$$"""{"id":"g","type":"TestGate","inputs":{"ruleset":"r","{{{input}}}":{{{value}}}}}""");

        Assert.Equal(valid, diagnostics.Count == 0);
    }

    [Fact]
    public void Missing_input_message_names_activity_input_type_and_what_to_do()
    {
        var diagnostic = Assert.Single(Validate("""{"id":"gate","type":"TestGate"}"""));

        Assert.Equal("Activity 'gate' input 'ruleset' is required by TestGate; add it under inputs (string, for example \"text\").", diagnostic.Message);
        Assert.Equal("/activities/0", diagnostic.Path);
    }

    [Fact]
    public void Ids_must_be_unique_across_bodies_too()
    {
        var diagnostics = Validate("""{"id":"loop","type":"TestLoop","inputs":{"items":[]},"body":[{"id":"loop","type":"TestStep"}]}""");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("DPW004", "/activities/0/body/0/id"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void Edges_cannot_leave_a_body()
    {
        var diagnostics = Validate("""{"id":"loop","type":"TestLoop","inputs":{"items":[]},"body":[{"id":"inner","type":"TestStep","next":"after"}],"next":"after"},{"id":"after","type":"TestStep"}""");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("DPW008", diagnostic.Code);
        Assert.Contains("another flowchart (/activities/1)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catch_edges_make_their_target_reachable_and_count_for_cycles()
    {
        Assert.Empty(Validate("""{"id":"a","type":"TestStep","catch":[{"errorEquals":["States.ALL"],"next":"b"}]},{"id":"b","type":"TestStep"}"""));
        Assert.Contains(Validate("""{"id":"s","type":"TestStep","next":"a"},{"id":"a","type":"TestStep","next":"b"},{"id":"b","type":"TestStep","catch":[{"errorEquals":["States.ALL"],"next":"a"}]}"""), d => d.Code == "DPW015");
    }

    [Fact]
    public void Dynamic_outcomes_accept_any_outcome_name()
    {
        Assert.Empty(Validate("""{"id":"s","type":"TestSwitch","next":{"big":"a","small":"a"}},{"id":"a","type":"TestStep"}"""));
    }

    [Fact]
    public void Triggers_are_checked_against_their_descriptor()
    {
        var diagnostics = Validate("""{"id":"a","type":"TestStep"}""", "\"triggers\":[{\"type\":\"TestFileTrigger\",\"prefx\":\"x\"}],");

        Assert.Equal(["DPW010", "DPW012"], diagnostics.Select(d => d.Code));
        Assert.Contains("Did you mean 'prefix'?", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_type_that_is_a_trigger_is_reported()
    {
        var diagnostic = Assert.Single(Validate("""{"id":"a","type":"TestFileTrigger"}"""));

        Assert.Equal("DPW006", diagnostic.Code);
        Assert.Contains("declare it under 'triggers'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expressions_in_outputs_and_variables_are_compiled()
    {
        var diagnostics = Validate("""{"id":"a","type":"TestStep"}""", "\"outputs\":{\"score\":\"=1 +\"},\"variables\":{\"v\":{\"type\":\"any\",\"value\":\"=)\"}},");

        Assert.Equal(["/outputs/score", "/variables/v/value"], diagnostics.Select(d => d.Path));
        Assert.All(diagnostics, d => Assert.Equal("DPW014", d.Code));
    }

    [Fact]
    public void Expression_error_column_points_into_the_string()
    {
        var diagnostic = Assert.Single(Validator.Validate("{\"id\":\"w\",\"version\":1,\"name\":\"n\",\"description\":\"d\",\n\"outputs\": {\"x\": \"=a b\"},\n\"activities\":[{\"id\":\"a\",\"type\":\"TestStep\"}]}").Diagnostics);

        Assert.Equal((2, 22), (diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("{\"type\":\"integer\",\"value\":\"zero\"}", "DPW023")]
    [InlineData("{\"type\":\"integer\",\"value\":\"=inputs.rows\"}", null)]
    [InlineData("{\"type\":\"string\",\"value\":\"s3://${inputs.bucket}\"}", null)]
    [InlineData("{\"type\":\"array\"}", null)]
    public void Variable_initial_values_match_their_type(string declaration, string? code)
    {
        var diagnostics = Validate("{\"id\":\"a\",\"type\":\"TestStep\"}", $"\"variables\":{{\"v\":{declaration}}},");

        Assert.Equal(code is null ? [] : [code], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void States_all_alone_and_last_is_accepted()
    {
        Assert.Empty(Validate("""{"id":"a","type":"TestStep","retry":[{"errorEquals":["States.Timeout","Custom.Error"]},{"errorEquals":["States.ALL"],"maxAttempts":0}]}"""));
        Assert.Single(Validate("""{"id":"a","type":"TestStep","retry":[{"errorEquals":["States.ALL","States.Timeout"]}]}"""));
    }

    [Fact]
    public void Definition_built_in_code_is_validated_without_positions()
    {
        var definition = new WorkflowDefinition
        {
            Id = "w",
            Version = 1,
            Name = "n",
            Description = "d",
            Activities = [new ActivityNode { Id = "a", Type = "TestStep", Next = [new Edge("Done", "nowhere")] }],
        };

        var diagnostic = Assert.Single(Validator.Validate(definition));

        Assert.Equal(("DPW008", 0, 0), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Validation_never_throws_on_any_prefix_of_a_valid_file()
    {
        var text = Samples.Read("Valid", "loan-prep.json");

        for (var length = 0; length < text.Length; length += 7)
        {
            var result = Validator.Validate(text[..length]);
            Assert.True(result.HasErrors);
        }
    }

    [Theory]
    [InlineData("""{"id": null, "version": 1.5, "name": [], "description": {}, "activities": {}}""")]
    [InlineData("""{"id":"w","version":1,"name":"n","description":"d","inputs":[],"outputs":3,"variables":{"v":1},"triggers":{},"activities":[null,{"id":7,"type":null,"retry":{},"catch":[1],"next":{"a":1},"body":"x","timeout":5}]}""")]
    [InlineData("""{"id":"w","version":1,"name":"n","description":"d","activities":[{"id":"a","type":"TestStep","retry":[{"errorEquals":"x","intervalSeconds":"1","maxAttempts":1.5,"backoffRate":"2","maxDelaySeconds":true}],"catch":[{"errorEquals":[1],"next":["a"]}]}]}""")]
    public void Wrong_shapes_everywhere_become_diagnostics(string text)
    {
        var result = Validator.Validate(text);

        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line > 0 && d.Column > 0, d.ToString()));
    }

    [Fact]
    public void Diagnostics_are_ordered_by_position()
    {
        var diagnostics = Validate("""{"id":"b","type":"Nope"},{"id":"a","type":"TestGate"},{"id":"C","type":"TestStep"}""");

        Assert.Equal(diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).Select(d => d.Column), diagnostics.Select(d => d.Column));
        Assert.Equal(["DPW006", "DPW010", "DPW005"], diagnostics.Select(d => d.Code));
    }
}
