using DataPrepWorkflows.Scheduling.Durations;

namespace DataPrepWorkflows.Scheduling.Tests.Schedules;

public sealed class ScheduleDurationTests
{
    [Theory]
    [InlineData("PT15M", 900)]
    [InlineData("P1DT12H", 129600)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("90s", 90)]
    [InlineData("2d", 172800)]
    [InlineData("500ms", 0.5)]
    public void TryParse_ReadsIsoAndShortForms(string text, double seconds)
    {
        Assert.True(ScheduleDuration.TryParse(text, out var duration, out _));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1Y")]
    [InlineData("15 minutes")]
    [InlineData("0m")]
    public void TryParse_RefusesOthers(string text) => Assert.False(ScheduleDuration.TryParse(text, out _, out _));
}
