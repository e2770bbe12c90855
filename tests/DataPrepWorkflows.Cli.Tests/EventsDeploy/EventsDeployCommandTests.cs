using System.Text.Json;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.EventsDeploy;

public sealed class EventsDeployCommandTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:dataprep-events";

    [Fact]
    public async Task Offline_dry_run_prints_the_exact_PutRule_and_PutTargets_requests_for_every_event_trigger()
    {
        using var folder = new TempFolder();
        folder.Write("workflows/loans.json", Workflow("loans", """
            {"type": "Schedule", "cron": "0 * * * *"},
            {"type": "EventBridge", "pattern": {"source": ["aws.s3"], "detail": {"object": {"key": [{"prefix": "incoming/"}]}}}}
            """));
        folder.Write("workflows/no-triggers.json", Workflow("quiet", ""));
        folder.Write("workflows/loans.layout.json", "{}");

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "workflows", "--queue-arn", QueueArn, "--event-bus", "data", "--offline");

        Assert.True(result.ExitCode == 0, result.Error);
        var plan = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("delete").ValueKind);
        var requests = plan.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal(["PutRule", "PutTargets"], requests.Select(r => r.GetProperty("operation").GetString()));
        var putRule = requests[0].GetProperty("request");
        Assert.Equal("dataprep-loans-2", putRule.GetProperty("Name").GetString());
        Assert.Equal("""{"source":["aws.s3"],"detail":{"object":{"key":[{"prefix":"incoming/"}]}}}""", putRule.GetProperty("EventPattern").GetString());
        Assert.Equal("ENABLED", putRule.GetProperty("State").GetString());
        Assert.Equal("data", putRule.GetProperty("EventBusName").GetString());
        var putTargets = requests[1].GetProperty("request");
        Assert.Equal("dataprep-loans-2", putTargets.GetProperty("Rule").GetString());
        Assert.Equal(QueueArn, putTargets.GetProperty("Targets")[0].GetProperty("Arn").GetString());
    }

    [Fact]
    public async Task A_queue_URL_instead_of_an_ARN_is_DPC031()
    {
        using var folder = new TempFolder();
        folder.Write("w.json", Workflow("w", ""));

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "w.json",
            "--queue-arn", "https://sqs.us-east-1.amazonaws.com/123456789012/q", "--offline");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC031: --queue-arn:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_pattern_names_the_file_and_trigger_with_AWS_message_and_is_DPC032()
    {
        using var folder = new TempFolder();
        folder.Write("flows/bad.json", Workflow("bad", """{"type": "EventBridge", "pattern": {"source": "aws.s3"}}"""));

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "flows", "--queue-arn", QueueArn, "--offline");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine("flows", "bad.json") + ": triggers[0]: InvalidEventPatternException", result.Error, StringComparison.Ordinal);
        Assert.Contains("error DPC032: 1 trigger(s) cannot be deployed", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task A_missing_workflows_folder_is_DPC030_and_a_broken_file_is_DPC035()
    {
        using var folder = new TempFolder();
        folder.Write("broken/w.json", "{\"id\": ");

        var missing = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "nowhere", "--queue-arn", QueueArn, "--offline");
        var broken = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "broken", "--queue-arn", QueueArn, "--offline");

        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error DPC030:", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains(Path.Combine("broken", "w.json"), broken.Error, StringComparison.Ordinal);
        Assert.Contains("error DPC035:", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3ObjectCreated_shorthand_deploys_with_the_pattern_the_local_index_matches()
    {
        using var folder = new TempFolder();
        folder.Write("w.json", Workflow("landing", """{"type": "S3ObjectCreated", "bucket": "raw", "keyPrefix": "incoming/"}"""));

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "w.json", "--queue-arn", QueueArn, "--offline");

        Assert.True(result.ExitCode == 0, result.Error);
        var putRule = JsonDocument.Parse(result.Output).RootElement.GetProperty("requests")[0].GetProperty("request");
        Assert.Equal("dataprep-landing-1", putRule.GetProperty("Name").GetString());
        Assert.Equal(
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["raw"]},"object":{"key":[{"prefix":"incoming/"}]}}}""",
            putRule.GetProperty("EventPattern").GetString());
    }

    [Fact]
    public async Task An_S3ObjectCreated_trigger_without_a_bucket_is_DPC032()
    {
        using var folder = new TempFolder();
        folder.Write("w.json", Workflow("nobucket", """{"type": "S3ObjectCreated", "keyPrefix": "incoming/"}"""));

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "w.json", "--queue-arn", QueueArn, "--offline");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("w.json: triggers[0]: The S3ObjectCreated trigger is not valid:", result.Error, StringComparison.Ordinal);
        Assert.Contains("error DPC032:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_with_offline_is_DPC037_and_sends_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("w.json", Workflow("w", ""));

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "w.json", "--queue-arn", QueueArn, "--apply", "--offline");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC037:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_dry_run_reads_the_bus_so_an_unreachable_endpoint_is_an_error_not_an_empty_plan()
    {
        using var folder = new TempFolder();
        folder.Write("w.json", Workflow("w", ""));

        var result = await DataprepProcess.RunAsync(folder.Path, "events", "deploy", "--workflows", "w.json", "--queue-arn", QueueArn,
            "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("^error DPC03[36]:", result.Error);
        Assert.Equal("", result.Output);
    }

    private static string Workflow(string id, string triggers) => $$"""
        {
          "id": "{{id}}",
          "version": 1,
          "name": "{{id}}",
          "description": "",
          "triggers": [{{triggers}}],
          "activities": [{"id": "start", "type": "Log", "message": "started"}]
        }
        """;
}
