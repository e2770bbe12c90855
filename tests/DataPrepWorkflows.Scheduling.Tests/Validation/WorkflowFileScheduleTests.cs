using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Scheduling.Triggers;

namespace DataPrepWorkflows.Scheduling.Tests.Validation;

/// <summary>A bad schedule is reported when the workflow file is validated, with its code, path and line.</summary>
public sealed class WorkflowFileScheduleTests
{
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.WithBuiltIns(typeof(CronTrigger).Assembly));

    private static string Workflow(string trigger) => $$"""
        {
          "id": "nightly",
          "version": 1,
          "name": "Nightly",
          "description": "Runs on a schedule.",
          "triggers": [
            {{trigger}}
          ],
          "activities": [ { "id": "hello", "type": "Log", "inputs": { "message": "hi" } } ]
        }
        """;

    [Fact]
    public void ValidSchedules_HaveNoDiagnostics()
    {
        Assert.Empty(Validator.Validate(Workflow("""{ "type": "Cron", "cron": "0 6 * * 1-5", "timeZone": "Europe/Paris" }""")).Diagnostics);
        Assert.Empty(Validator.Validate(Workflow("""{ "type": "Timer", "interval": "15m" }""")).Diagnostics);
    }

    [Theory]
    [InlineData("""{ "type": "Cron", "cron": "61 * * * *" }""", "DPW036", "/triggers/0/cron")]
    [InlineData("""{ "type": "Cron", "cron": "0 6 31 2 *" }""", "DPW036", "/triggers/0/cron")]
    [InlineData("""{ "type": "Cron", "cron": "0 6 * * *", "timeZone": "Mars/Olympus" }""", "DPW037", "/triggers/0/timeZone")]
    [InlineData("""{ "type": "Timer", "interval": "fortnightly" }""", "DPW038", "/triggers/0/interval")]
    [InlineData("""{ "type": "StartAt", "at": "tomorrow" }""", "DPW039", "/triggers/0/at")]
    public void BadSchedule_IsADiagnosticAtItsInput(string trigger, string code, string path)
    {
        var result = Validator.Validate(Workflow(trigger));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(result.HasErrors);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(7, diagnostic.Line);
        Assert.StartsWith("Trigger 0 (", diagnostic.Message, StringComparison.Ordinal);
    }
}
