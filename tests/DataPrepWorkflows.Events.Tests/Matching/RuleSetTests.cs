using System.Text;
using System.Text.Json;
using DataPrepWorkflows.Events.Matching;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Tests.Matching;

public sealed class RuleSetTests
{
    private const string S3Event = """
        {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"Object Created","source":"aws.s3",
         "account":"111122223333","time":"2021-11-12T00:00:00Z","region":"ca-central-1",
         "resources":["arn:aws:s3:::raw-data"],
         "detail":{"version":"0","bucket":{"name":"raw-data"},
                   "object":{"key":"incoming/2024/sales.csv","size":5,"etag":"b1946ac92492d2347c6235b4d2611184","sequencer":"617f08299329d189"},
                   "request-id":"N4N7GDK58NMKJ12R","requester":"123456789012","source-ip-address":"1.2.3.4","reason":"PutObject"}}
        """;

    private static EventPattern P(string json) => EventPattern.Parse(json).Pattern ?? throw new InvalidOperationException(json);

    [Fact]
    public void Match_returns_every_matching_rule_in_the_order_given()
    {
        var rules = RuleSet.Build(
        [
            ("csv", P("""{"source":["aws.s3"],"detail":{"object":{"key":[{"suffix":".csv"}]}}}""")),
            ("json", P("""{"source":["aws.s3"],"detail":{"object":{"key":[{"suffix":".json"}]}}}""")),
            ("incoming", P("""{"detail":{"bucket":{"name":["raw-data"]},"object":{"key":[{"prefix":"incoming/"}]}}}""")),
            ("small", P("""{"detail":{"object":{"size":[{"numeric":["<",10]}]}}}""")),
        ]);

        Assert.Equal(4, rules.Count);
        Assert.Equal(["csv", "incoming", "small"], rules.Match(S3Event));
    }

    [Fact]
    public void Match_with_many_visited_states_and_matches_reports_each_rule_once_in_order()
    {
        // Every rule has its own state on "a" and reaches it, and completes on "b", each by two matchers, so the walk
        // follows duplicate targets past the short visited and matched lists into the stamped arrays.
        var rules = RuleSet.Build(Enumerable.Range(0, 50).Select(i => (
            "r" + i,
            P($$$"""{"detail":{"a":[{"numeric":[">",{{{i}}}]},{"numeric":[">=",{{{i}}}]}],"b":[{"numeric":[">",{{{i}}}]},{"numeric":[">=",{{{i}}}]}]}}"""))));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "r" + i), rules.Match("""{"detail":{"a":100,"b":100}}"""));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => "r" + i), rules.Match("""{"detail":{"a":10,"b":100}}"""));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => "r" + i), rules.Match("""{"detail":{"a":100,"b":3}}"""));
    }

    [Fact]
    public void Match_accepts_utf8_bytes_and_parsed_elements()
    {
        var rules = RuleSet.Build([("created", P("""{"detail-type":["Object Created"]}"""))]);
        using var document = JsonDocument.Parse(S3Event);

        Assert.Equal(["created"], rules.Match(Encoding.UTF8.GetBytes(S3Event)));
        Assert.Equal(["created"], rules.Match(document.RootElement));
    }

    [Fact]
    public void Rules_sharing_conditions_are_reported_separately()
    {
        var rules = RuleSet.Build(
        [
            ("a", P("""{"source":["aws.s3"]}""")),
            ("b", P("""{"source":["aws.s3"]}""")),
            ("c", P("""{"source":["aws.s3"],"region":["ca-central-1"]}""")),
            ("d", P("""{"source":["aws.s3"],"region":["us-east-1"]}""")),
        ]);

        Assert.Equal(["a", "b", "c"], rules.Match(S3Event));
    }

    [Fact]
    public void A_repeated_rule_id_is_reported_once()
    {
        var rules = RuleSet.Build([("x", P("""{"source":["aws.s3"]}""")), ("x", P("""{"region":["ca-central-1"]}"""))]);

        Assert.Equal(["x"], rules.Match(S3Event));
    }

    [Fact]
    public void An_empty_rule_set_matches_nothing()
    {
        Assert.Empty(RuleSet.Build([]).Match(S3Event));
    }

    [Fact]
    public void Malformed_event_json_is_reported_as_a_json_error()
    {
        var rules = RuleSet.Build([("a", P("""{"source":["aws.s3"]}"""))]);

        Assert.ThrowsAny<JsonException>(() => rules.Match("{\"source\": "));
    }

    [Fact]
    public void The_rule_set_can_be_used_from_several_threads()
    {
        var rules = RuleSet.Build(Enumerable.Range(0, 50).Select(i => ("r" + i, P("{\"detail\":{\"object\":{\"size\":[{\"numeric\":[\">\"," + i + "]}]}}}"))));
        var results = new int[8];
        Parallel.For(0, 8, t =>
        {
            for (var i = 0; i < 200; i++)
            {
                results[t] += rules.Match(S3Event).Count;
            }
        });

        Assert.All(results, count => Assert.Equal(200 * 5, count));
    }
}
