using DataPrepWorkflows.Events.Patterns;
using DataPrepWorkflows.Events.Testing;

namespace DataPrepWorkflows.Events.Tests.Patterns;

/// <summary>
/// Every operator, from the data files in <c>Patterns/Cases</c>: patterns that match or do not match events, and
/// invalid patterns with the exact message EventBridge returns.
/// </summary>
public sealed class PatternConformanceTests
{
    [Theory]
    [MemberData(nameof(PatternCase.Matching), MemberType = typeof(PatternCase))]
    public void Pattern_matches_event_as_EventBridge_does(string id)
    {
        var vector = PatternCase.Find(id);
        var parsed = EventPattern.Parse(vector.PatternText);
        Assert.True(parsed.IsValid, $"{vector.Describe()} was rejected: {parsed.Error?.Message}");
        Assert.True(vector.Matches == parsed.Pattern.Matches(vector.EventJson!), vector.Describe());

        var api = TestEventPatternCommand.Evaluate(vector.PatternText, vector.EventJson!, out var error);
        Assert.Null(error);
        Assert.Equal(vector.Matches, api);
    }

    [Theory]
    [MemberData(nameof(PatternCase.Invalid), MemberType = typeof(PatternCase))]
    public void Invalid_pattern_is_rejected_with_EventBridge_message(string id)
    {
        var vector = PatternCase.Find(id);
        var parsed = EventPattern.Parse(vector.PatternText);
        Assert.False(parsed.IsValid, vector.Describe() + " was accepted");
        Assert.Equal(EventPatternError.InvalidEventPattern, parsed.Error.Code);
        if (vector.Message is not null)
        {
            Assert.Equal(vector.Message, parsed.Error.Message);
        }

        if (vector.Reason is not null)
        {
            Assert.Equal(vector.Reason, parsed.Error.Reason);
        }

        Assert.True(vector.Message is not null || vector.Reason is not null, "A rejection case must state the expected text.");
    }
}
