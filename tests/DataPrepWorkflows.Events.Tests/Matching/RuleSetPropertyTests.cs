using DataPrepWorkflows.Events.Matching;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Tests.Matching;

/// <summary>
/// Randomised cross-check (fixed seeds): one automaton over many rules returns exactly the rules that match when
/// each pattern is evaluated alone, and both agree with a naive backtracking matcher.
/// </summary>
public sealed class RuleSetPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rule_set_matches_exactly_what_each_pattern_matches_alone(int seed)
    {
        var random = new RandomRules(seed);
        var patterns = Enumerable.Range(0, 200)
            .Select(i =>
            {
                var parsed = EventPattern.Parse(random.Pattern());
                Assert.True(parsed.IsValid, parsed.Error?.Message);
                return ("rule-" + i, parsed.Pattern);
            })
            .ToList();
        var ruleSet = RuleSet.Build(patterns);
        var totalMatches = 0;
        for (var e = 0; e < 200; e++)
        {
            var eventJson = random.Event();
            var together = ruleSet.Match(eventJson);
            var alone = patterns.Where(p => p.Pattern.Matches(eventJson)).Select(p => p.Item1).ToList();
            var naive = patterns.Where(p => ReferenceMatcher.Matches(p.Pattern, eventJson)).Select(p => p.Item1).ToList();
            Assert.Equal(naive, alone);
            Assert.Equal(alone, together);
            totalMatches += together.Count;
        }

        Assert.True(totalMatches > 50, $"The generator should produce frequent matches, got {totalMatches}.");
    }
}
