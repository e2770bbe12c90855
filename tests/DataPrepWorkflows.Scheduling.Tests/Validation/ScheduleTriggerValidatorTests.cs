using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Scheduling.Triggers;

namespace DataPrepWorkflows.Scheduling.Tests.Validation;

public sealed class ScheduleTriggerValidatorTests
{
    private static IReadOnlyList<ScheduleDiagnostic> Validate(string type, params (string Name, string Value)[] inputs) =>
        ScheduleTriggerValidator.Validate(type, inputs.Select(i => KeyValuePair.Create(i.Name, (JsonNode?)JsonValue.Create(i.Value))));

    [Fact]
    public void ValidTriggers_HaveNoProblems()
    {
        Assert.Empty(Validate("Cron", ("cron", "0 6 * * 1-5"), ("timeZone", "Europe/Paris")));
        Assert.Empty(Validate("Timer", ("interval", "15m"), ("start", "2026-01-01T06:00:00Z")));
        Assert.Empty(Validate("StartAt", ("at", "2026-01-01T06:00:00+01:00")));
    }

    [Fact]
    public void OtherTriggerTypes_AreNotChecked() => Assert.Empty(Validate("HttpEndpoint", ("path", "/x")));

    [Theory]
    [InlineData("Cron", "cron", "61 * * * *", "DPW036")]
    [InlineData("Cron", "timeZone", "Mars/Olympus", "DPW037")]
    [InlineData("Timer", "interval", "fortnightly", "DPW038")]
    [InlineData("Timer", "interval", "PT0S", "DPW038")]
    [InlineData("Timer", "interval", "P1M", "DPW038")]
    [InlineData("Timer", "start", "2026-01-01T06:00:00", "DPW039")]
    [InlineData("StartAt", "at", "tomorrow", "DPW039")]
    [InlineData("Cron", "cron", "=inputs.schedule", "DPW036")]
    public void InvalidInput_HasItsCode(string type, string field, string value, string code)
    {
        var inputs = type switch
        {
            "Cron" => new Dictionary<string, string> { ["cron"] = "0 6 * * *", ["timeZone"] = "UTC" },
            "Timer" => new Dictionary<string, string> { ["interval"] = "15m" },
            _ => new Dictionary<string, string> { ["at"] = "2026-01-01T06:00:00Z" },
        };
        inputs[field] = value;

        var problem = Assert.Single(Validate(type, [.. inputs.Select(p => (p.Key, p.Value))]));

        Assert.Equal(code, problem.Code);
        Assert.Equal(field, problem.Field);
        Assert.Contains(value.TrimStart('='), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredInput_IsReported()
    {
        var problem = Assert.Single(Validate("Timer"));

        Assert.Equal(ScheduleDiagnosticCodes.InvalidInterval, problem.Code);
    }

    [Fact]
    public void TriggerActivity_IndexesTheNormalisedSchedule()
    {
        var cron = new CronTrigger { Cron = "0 6 1,15 * 1", TimeZone = "Europe/Paris" };

        var payload = Assert.Single(cron.GetTriggerPayloads());

        Assert.Equal(
            """{"kind":"Cron","cron":"0 6 1,15 * 1","quartz":["0 0 6 1,15 * ?","0 0 6 ? * 2"],"timeZone":"Europe/Paris"}""",
            payload.ToJsonString());
        Assert.Equal(
            """{"kind":"Timer","interval":"PT15M","start":null}""",
            Assert.Single(new TimerTrigger { Interval = "15m" }.GetTriggerPayloads()).ToJsonString());
    }

    [Fact]
    public void TriggerActivity_WithInvalidInput_FaultsWithTheCode()
    {
        var fault = Assert.Throws<ActivityFaultException>(() => new StartAtTrigger { At = "soon" }.GetTriggerPayloads());

        Assert.Contains("DPW039", fault.Message, StringComparison.Ordinal);
    }
}
