using DataPrepWorkflows.Events.Patterns;
using DataPrepWorkflows.Events.Testing;

namespace DataPrepWorkflows.Events.Tests.Testing;

public sealed class TestEventPatternCommandTests
{
    private const string Event = """{"id":"1","account":"111122223333","source":"aws.s3","time":"2021-11-12T00:00:00Z","region":"us-east-1","detail-type":"Object Created","detail":{}}""";

    [Fact]
    public void Matching_event_prints_the_AWS_CLI_result()
    {
        var output = TestEventPatternCommand.Run("""{"source":["aws.s3"]}""", Event);

        Assert.Equal("{\n    \"Result\": true\n}\n", output.StandardOutput);
        Assert.Equal(string.Empty, output.StandardError);
        Assert.Equal(0, output.ExitCode);
    }

    [Fact]
    public void Non_matching_event_prints_false_and_succeeds()
    {
        var output = TestEventPatternCommand.Run("""{"source":["aws.ec2"]}""", Event);

        Assert.Equal("{\n    \"Result\": false\n}\n", output.StandardOutput);
        Assert.Equal(0, output.ExitCode);
    }

    [Fact]
    public void Invalid_pattern_prints_the_AWS_error_and_fails()
    {
        var output = TestEventPatternCommand.Run("""{"int": 42}""", Event);

        Assert.Equal(string.Empty, output.StandardOutput);
        Assert.Equal(
            "\nAn error occurred (InvalidEventPatternException) when calling the TestEventPattern operation: Event pattern is not valid. Reason: \"int\" must be an object or an array\n at [Source: (String)\"{\"int\": 42}\"; line: 1, column: 11]\n",
            output.StandardError);
        Assert.Equal(TestEventPatternCommand.ServiceErrorExitCode, output.ExitCode);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("account")]
    [InlineData("source")]
    [InlineData("time")]
    [InlineData("region")]
    [InlineData("detail-type")]
    public void Event_without_a_required_envelope_field_is_not_valid(string field)
    {
        var incomplete = System.Text.Json.Nodes.JsonNode.Parse(Event)!.AsObject();
        incomplete.Remove(field);

        var output = TestEventPatternCommand.Run("""{"source":["aws.s3"]}""", incomplete.ToJsonString());

        Assert.Equal("\nAn error occurred (ValidationException) when calling the TestEventPattern operation: Parameter Event is not valid.\n", output.StandardError);
        Assert.Equal(TestEventPatternCommand.ServiceErrorExitCode, output.ExitCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("\"a string\"")]
    [InlineData("[1, 2]")]
    public void Event_that_is_not_a_json_object_is_not_valid(string eventJson)
    {
        TestEventPatternCommand.Evaluate("""{"source":["aws.s3"]}""", eventJson, out var error);

        Assert.Equal(new EventPatternError(EventPatternError.Validation, "Parameter Event is not valid."), error);
    }

    [Fact]
    public void Resources_is_not_required()
    {
        Assert.True(TestEventPatternCommand.Evaluate("""{"source":["aws.s3"]}""", Event, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Pattern_longer_than_4096_characters_fails_validation()
    {
        var pattern = "{\"source\":[\"" + new string('a', 4096) + "\"]}";

        var result = EventPattern.Parse(pattern);

        Assert.False(result.IsValid);
        Assert.Equal(EventPatternError.Validation, result.Error.Code);
        Assert.EndsWith("at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to 4096", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_sources_are_truncated_in_locations_as_AWS_does()
    {
        var pattern = "{\"source\": \"" + new string('a', 600) + "\"}";

        var message = EventPattern.Parse(pattern).Error!.Message;

        Assert.Contains("\"[truncated 114 chars]; line: 1, column: 13]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_strips_prefix_and_location()
    {
        var error = EventPattern.Parse("""{"a": []}""").Error!;

        Assert.Equal("Empty arrays are not allowed", error.Reason);
    }
}
