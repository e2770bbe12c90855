using System.Globalization;
using DataPrepWorkflows.Events.Matching;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Tests.Matching;

/// <summary>
/// The flat layout stores a field's ways out in different forms depending on how many there are: a few string keys as
/// direct tests, wildcards and anything-but prefixes inline, many exact values as an inline hash table, many prefixes, suffixes or ignore-case keys as hash
/// indexes beside the block, numeric ranges inline. Each form must give what every pattern gives alone.
/// </summary>
public sealed class AutomatonLayoutTests
{
    private static EventPattern P(string json) => EventPattern.Parse(json).Pattern ?? throw new InvalidOperationException(json);

    private static string Event(string value) => "{\"detail\":{\"k\":" + value + "}}";

    private static void AssertSameAsAlone(List<(string Id, EventPattern Pattern)> rules, IEnumerable<string> values)
    {
        var ruleSet = RuleSet.Build(rules);
        var total = 0;
        foreach (var value in values)
        {
            var json = Event(value);
            var alone = rules.Where(r => r.Pattern.Matches(json)).Select(r => r.Id).ToList();
            Assert.Equal(alone, ruleSet.Match(json));
            total += alone.Count;
        }

        Assert.True(total > 0, "The events should match some rules.");
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Many_exact_values_in_the_inline_hash_table_find_every_rule_including_repeated_values()
    {
        // 1,000 values with some repeated by several rules: the table holds one slot per (value, rule) and probing
        // must pass over the other keys in a run to find all of them.
        var rules = Enumerable.Range(0, 1200)
            .Select(i => ("r" + N(i), P("{\"detail\":{\"k\":[\"bucket-" + N(i % 1000) + "\"]}}")))
            .ToList();

        AssertSameAsAlone(rules, ["\"bucket-0\"", "\"bucket-150\"", "\"bucket-999\"", "\"bucket-1000\"", "\"\"", "\"Bucket-1\"", "7", "[\"bucket-3\",\"bucket-4\"]"]);
    }

    [Fact]
    public void A_few_string_keys_of_every_kind_are_compared_directly()
    {
        List<(string, EventPattern)> rules =
        [
            ("exact", P("""{"detail":{"k":["in/a.csv"]}}""")),
            ("prefix", P("""{"detail":{"k":[{"prefix":"in/"}]}}""")),
            ("suffix", P("""{"detail":{"k":[{"suffix":".csv"}]}}""")),
            ("ignore-case", P("""{"detail":{"k":[{"equals-ignore-case":"IN/A.CSV"}]}}""")),
            ("prefix-ignore-case", P("""{"detail":{"k":[{"prefix":{"equals-ignore-case":"IN/"}}]}}""")),
            ("suffix-ignore-case", P("""{"detail":{"k":[{"suffix":{"equals-ignore-case":".CSV"}}]}}""")),
            ("range", P("""{"detail":{"k":[{"numeric":[">",0,"<=",5]}]}}""")),
            ("open-range", P("""{"detail":{"k":[{"numeric":[">=",-5000000000]}]}}""")),
            ("wildcard", P("""{"detail":{"k":[{"wildcard":"in/*/*.csv"}]}}""")),
            ("star", P("""{"detail":{"k":[{"wildcard":"*"}]}}""")),
            ("not-tmp", P("""{"detail":{"k":[{"anything-but":{"prefix":"tmp/"}}]}}""")),
        ];

        AssertSameAsAlone(rules, ["\"in/a.csv\"", "\".csv\"", "\"IN/b.CSV\"", "\"in/\"", "\"x.csv\"", "\"in/a.cs\"", "0", "5", "5.000001", "-5000000000", "\"3\"", "\"in/x/y.csv\"", "\"in//.csv\"", "\"tmp/in/x/a.csv\"", "null"]);
    }

    [Fact]
    public void Many_prefixes_suffixes_and_ignore_case_keys_with_numbers_and_literals_use_the_indexes_beside_the_block()
    {
        var rules = new List<(string, EventPattern)>();
        for (var i = 0; i < 12; i++)
        {
            rules.Add(("p" + N(i), P("{\"detail\":{\"k\":[{\"prefix\":\"in/" + N(i) + "/\"}]}}")));
            rules.Add(("x" + N(i), P("{\"detail\":{\"k\":[{\"suffix\":\"." + N(i) + "\"}]}}")));
            rules.Add(("i" + N(i), P("{\"detail\":{\"k\":[{\"equals-ignore-case\":\"Key-" + N(i) + "\"}]}}")));
            rules.Add(("e" + N(i), P("{\"detail\":{\"k\":[\"in/" + N(i) + "/a." + N(i) + "\"]}}")));
            rules.Add(("n" + N(i), P("{\"detail\":{\"k\":[" + N(i * 100) + "]}}")));
        }

        rules.Add(("null", P("""{"detail":{"k":[null]}}""")));
        rules.Add(("true", P("""{"detail":{"k":[true]}}""")));

        AssertSameAsAlone(rules, ["\"in/3/a.3\"", "\"in/11/b.7\"", "\"KEY-5\"", "\"key-12\"", "300", "3e2", "300.0", "null", "true", "false", "\"in/1/\""]);
    }
    [Fact]
    public void Plain_integers_read_without_their_text_match_exactly_as_their_literal_text_does()
    {
        // An event's plain integers are scaled straight from their bytes and keep no text; every number rule must
        // still treat them as the naive matcher, which keeps every literal, does.
        var patterns = new[]
        {
            """{"detail":{"k":[0]}}""", """{"detail":{"k":[-0]}}""", """{"detail":{"k":[5]}}""", """{"detail":{"k":[-5.0]}}""",
            """{"detail":{"k":[300.000]}}""", """{"detail":{"k":[1234567890]}}""", """{"detail":{"k":[4999999999]}}""",
            """{"detail":{"k":[{"anything-but":[5, 0]}]}}""", """{"detail":{"k":[{"anything-but":[-5]}]}}""",
            """{"detail":{"k":[{"numeric":[">", -1, "<=", 300]}]}}""", """{"detail":{"k":[{"numeric":["=", 4999999999]}]}}""",
            """{"detail":{"k":[{"exists":true}]}}""", """{"detail":{"k":[{"anything-but":{"prefix":"5"}}]}}""",
        };
        var rules = patterns.Select((json, i) => ("r" + N(i), P(json))).ToList();
        var ruleSet = RuleSet.Build(rules);
        var values = new[]
        {
            "0", "-0", "5", "-5", "5.0", "5e0", "-5.000", "300", "3e2", "1234567890", "-1234567890", "4999999999",
            "5000000001", "9999999999", "12345678901", "0.5", "-0.0", "1E2",
        };
        var matched = 0;
        foreach (var value in values)
        {
            var json = Event(value);
            var naive = rules.Where(r => ReferenceMatcher.Matches(r.Item2, json)).Select(r => r.Item1).ToList();
            Assert.Equal(naive, ruleSet.Match(json));
            matched += naive.Count;
        }

        Assert.True(matched > values.Length, "The events should match several rules each.");
    }
}
