using DataPrepWorkflows.Dsl.Reading;

namespace DataPrepWorkflows.Dsl.Tests.Reading;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT10M", 600)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("P1DT2H", 93600)]
    [InlineData("P1W", 604800)]
    [InlineData("PT1H30M15S", 5415)]
    public void Valid_durations_parse(string text, double seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("10M")]
    [InlineData("P1Y")]
    [InlineData("PT5")]
    [InlineData("P1DT")]
    public void Invalid_durations_do_not_parse(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(600, "PT10M")]
    [InlineData(5415, "PT1H30M15S")]
    [InlineData(93600, "P1DT2H")]
    [InlineData(0.25, "PT0.25S")]
    [InlineData(0, "PT0S")]
    public void Durations_format_in_shortest_form_and_read_back(double seconds, string text)
    {
        var formatted = IsoDuration.Format(TimeSpan.FromSeconds(seconds));

        Assert.Equal(text, formatted);
        Assert.True(IsoDuration.TryParse(formatted, out var back));
        Assert.Equal(TimeSpan.FromSeconds(seconds), back);
    }
}
