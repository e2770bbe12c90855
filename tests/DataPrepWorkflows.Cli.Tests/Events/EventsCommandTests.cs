using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Events;

public sealed class EventsCommandTests
{
    private const string Event = """
        {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"Object Created","source":"aws.s3",
         "account":"111122223333","time":"2021-11-12T00:00:00Z","region":"ca-central-1","resources":["arn:aws:s3:::raw"],
         "detail":{"bucket":{"name":"raw"},"object":{"key":"loans/2024/01.csv","size":5}}}
        """;

    [Fact]
    public async Task Matching_event_prints_the_result_document()
    {
        using var folder = new TempFolder();
        var eventFile = folder.Write("event.json", Event);

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "test-pattern",
            "--event-pattern", """{"source":["aws.s3"],"detail":{"object":{"key":[{"prefix":"loans/"}]}}}""", "--event", "@" + eventFile);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\{\s+""Result"": true\s+\}\s*$", result.Output);
    }

    [Fact]
    public async Task Non_matching_event_prints_false()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "test-pattern",
            "--event-pattern", """{"detail":{"object":{"size":[{"numeric":[">",10]}]}}}""", "--event", Event);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"""Result"": false", result.Output);
    }

    [Fact]
    public async Task Invalid_pattern_prints_the_aws_error_and_exits_non_zero()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "test-pattern",
            "--event-pattern", """{"source":"aws.s3"}""", "--event", Event);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("An error occurred (InvalidEventPatternException) when calling the TestEventPattern operation: Event pattern is not valid.", result.Error, StringComparison.Ordinal);
    }
}
