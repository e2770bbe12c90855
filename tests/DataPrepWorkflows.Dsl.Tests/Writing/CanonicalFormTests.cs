using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Dsl.Tests.Support;
using DataPrepWorkflows.Dsl.Writing;

namespace DataPrepWorkflows.Dsl.Tests.Writing;

public sealed class CanonicalFormTests
{
    private static string Format(string text)
    {
        var result = WorkflowFormatter.Format(text, TestActivities.Registry);
        Assert.True(result.Text is not null, string.Join("\n", result.Diagnostics));
        return result.Text!;
    }

    public static IEnumerable<object[]> ValidFiles => Samples.Files("Valid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_samples_are_already_canonical(string file)
    {
        var text = Samples.Read("Valid", file);

        Assert.Equal(text, Format(text));
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Parse_write_parse_gives_an_equal_definition(string file)
    {
        var first = WorkflowFile.Read(Samples.Read("Valid", file), TestActivities.Registry).Definition!;
        var second = WorkflowFile.Read(WorkflowWriter.Write(first, TestActivities.Registry), TestActivities.Registry).Definition!;

        Assert.Equal(WorkflowWriter.Write(first, TestActivities.Registry), WorkflowWriter.Write(second, TestActivities.Registry));
        Assert.Equal(first.Activities.Select(a => a.Next.Count), second.Activities.Select(a => a.Next.Count));
        Assert.Equal(first.Activities.SelectMany(a => a.Next), second.Activities.SelectMany(a => a.Next));
        Assert.Equal(first.Activities.SelectMany(a => a.Retry).Select(r => (r.IntervalSeconds, r.MaxAttempts, r.BackoffRate, r.MaxDelaySeconds, r.JitterStrategy)),
            second.Activities.SelectMany(a => a.Retry).Select(r => (r.IntervalSeconds, r.MaxAttempts, r.BackoffRate, r.MaxDelaySeconds, r.JitterStrategy)));
        Assert.Equal(first.Activities.Select(a => a.Timeout), second.Activities.Select(a => a.Timeout));
    }

    [Fact]
    public void Keys_are_written_in_canonical_order_with_unknown_ones_last_in_file_order()
    {
        const string text = """
            {"activities": [{"next": "b", "zeta": 1, "inputs": {"message": "hi"}, "type": "TestStep", "alpha": 2, "id": "a", "timeout": "PT90M"},
                            {"type": "TestStep", "id": "b"}],
             "x-owner": "data-team", "description": "d", "name": "n", "version": 2, "id": "w", "$schema": "./workflow.schema.json"}
            """;

        var formatted = Format(text);

        Assert.Equal("""
            {
              "$schema": "./workflow.schema.json",
              "id": "w",
              "version": 2,
              "name": "n",
              "description": "d",
              "activities": [
                {
                  "id": "a",
                  "type": "TestStep",
                  "inputs": {
                    "message": "hi"
                  },
                  "timeout": "PT1H30M",
                  "next": "b",
                  "zeta": 1,
                  "alpha": 2
                },
                {
                  "id": "b",
                  "type": "TestStep"
                }
              ],
              "x-owner": "data-team"
            }

            """.ReplaceLineEndings("\n"), formatted);
    }

    [Fact]
    public void Formatting_twice_changes_nothing()
    {
        var once = Format("""{"id":"w","version":1,"name":"n","description":"d","activities":[{"id":"a","type":"TestGate","inputs":{"ruleset":"r","options":{"list":[1,2,{"x":[]}]}},"next":{"Passed":["b"],"Failed":["b","c"]}},{"id":"b","type":"TestStep"},{"id":"c","type":"TestStep"}]}""");

        Assert.Equal(once, Format(once));
    }

    [Theory]
    [InlineData("\"b\"", "\"next\": \"b\"")]
    [InlineData("[\"b\"]", "\"next\": \"b\"")]
    [InlineData("{\"Passed\": \"b\"}", "\"next\": \"b\"")]
    [InlineData("{\"Passed\": [\"b\", \"c\"]}", "\"next\": [\"b\", \"c\"]")]
    [InlineData("{\"Failed\": \"b\"}", "\"next\": {\n        \"Failed\": \"b\"\n      }")]
    [InlineData("{\"Passed\": \"b\", \"Failed\": [\"c\"]}", "\"next\": {\n        \"Passed\": \"b\",\n        \"Failed\": \"c\"\n      }")]
    public void Next_is_written_in_its_shortest_form(string next, string expected)
    {
        var formatted = Format($$"""{"id":"w","version":1,"name":"n","description":"d","activities":[{"id":"a","type":"TestGate","inputs":{"ruleset":"r"},"next":{{next}}},{"id":"b","type":"TestStep"},{"id":"c","type":"TestStep"}]}""");

        Assert.Contains(expected, formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_outcome_without_a_registry_is_Done()
    {
        var read = WorkflowFile.Read("""{"id":"w","version":1,"name":"n","description":"d","activities":[{"id":"a","type":"TestGate","next":"b"},{"id":"b","type":"TestStep"}]}""");
        var withRegistry = WorkflowFile.Read("""{"id":"w","version":1,"name":"n","description":"d","activities":[{"id":"a","type":"TestGate","next":"b"},{"id":"b","type":"TestStep"}]}""", TestActivities.Registry);

        Assert.Equal("Done", read.Definition!.Activities[0].Next[0].Outcome);
        Assert.Equal("Passed", withRegistry.Definition!.Activities[0].Next[0].Outcome);
    }

    [Fact]
    public void Unknown_fields_survive_parse_and_write_at_every_level()
    {
        const string text = """
            {"id":"w","version":1,"name":"n","description":"d","x-top":{"a":[1,2]},
             "inputs":{"rows":{"type":"integer","x-ui":"slider"}},
             "variables":{"v":{"type":"any","value":null,"x-note":"n"}},
             "triggers":[{"type":"TestFileTrigger","bucket":"raw","x-future":true}],
             "activities":[{"id":"a","type":"TestStep","x-act":1,
               "retry":[{"errorEquals":["States.ALL"],"x-retry":"r"}],
               "catch":[{"errorEquals":["States.ALL"],"next":"b","resultPath":"$.error"}],"next":"b"},
               {"id":"b","type":"TestStep"}]}
            """;

        var formatted = Format(text);

        foreach (var kept in new[] { "\"x-top\"", "\"x-ui\": \"slider\"", "\"x-note\": \"n\"", "\"x-future\": true", "\"x-act\": 1", "\"x-retry\": \"r\"", "\"resultPath\": \"$.error\"" })
        {
            Assert.Contains(kept, formatted, StringComparison.Ordinal);
        }

        Assert.Equal(formatted, Format(formatted));
    }

    [Fact]
    public void Text_is_written_unescaped_with_lf_and_a_final_newline()
    {
        var formatted = Format("{\r\n\"id\":\"w\",\"version\":1,\"name\":\"Prêt à l'emploi <1>\",\"description\":\"a+b\",\"activities\":[{\"id\":\"a\",\"type\":\"TestStep\"}]}");

        Assert.Contains("\"name\": \"Prêt à l'emploi <1>\"", formatted, StringComparison.Ordinal);
        Assert.Contains("\"description\": \"a+b\"", formatted, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", formatted, StringComparison.Ordinal);
        Assert.EndsWith("}\n", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_file_is_not_rewritten()
    {
        var result = WorkflowFormatter.Format("{\"id\": ", TestActivities.Registry);

        Assert.Null(result.Text);
        Assert.Equal("DPW001", Assert.Single(result.Diagnostics).Code);
    }
}
