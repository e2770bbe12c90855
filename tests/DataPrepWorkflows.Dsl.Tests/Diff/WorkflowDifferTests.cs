using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diff;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Dsl.Tests.Elsa;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Tests.Diff;

public sealed class WorkflowDifferTests
{
    private const string Old = """
        {"id": "w", "version": 1, "name": "W", "description": "Old.",
         "inputs": {"rows": {"type": "integer", "default": 10}, "gone": {"type": "string"}},
         "outputs": {"score": "=activities.gate.output.score"},
         "variables": {"n": {"type": "integer", "value": 0}},
         "triggers": [{"type": "S3ObjectCreated", "id": "landing", "bucket": "raw"}, {"type": "Cron", "cron": "0 6 * * *"}],
         "activities": [
           {"id": "gate", "type": "TestGate", "inputs": {"ruleset": "rules/a.dqdl", "rows": 5, "mode": "strict"},
            "timeout": "PT10M", "retry": [{"errorEquals": ["States.ALL"], "maxAttempts": 2}],
            "next": {"Passed": "publish", "Failed": "old-alert"}},
           {"id": "publish", "type": "TestStep"},
           {"id": "old-alert", "type": "TestStep", "inputs": {"message": "failed"}},
           {"id": "loop", "type": "TestLoop", "inputs": {"items": [1]}, "body": [{"id": "inner", "type": "TestStep"}]}]}
        """;

    private const string New = """
        {"id": "w", "version": 2, "name": "W", "description": "New.",
         "inputs": {"rows": {"type": "integer", "default": 20}, "added": {"type": "boolean"}},
         "outputs": {"score": "=activities.gate.output.score"},
         "variables": {"n": {"type": "integer", "value": 0}},
         "triggers": [{"type": "S3ObjectCreated", "id": "landing", "bucket": "curated"}, {"type": "Cron", "cron": "0 6 * * *"}],
         "activities": [
           {"id": "gate", "type": "TestGate", "inputs": {"mode": "strict", "ruleset": "rules/b.dqdl", "threshold": 0.9},
            "timeout": "PT20M", "catch": [{"errorEquals": ["States.ALL"], "next": "alert"}],
            "next": {"Passed": "publish", "Failed": "alert"}},
           {"id": "publish", "type": "TestStep"},
           {"id": "alert", "type": "TestStep", "inputs": {"message": "failed"}},
           {"id": "loop", "type": "TestLoop", "inputs": {"items": [1]}, "body": [{"id": "inner", "type": "TestGate", "inputs": {"ruleset": "r"}}]}]}
        """;

    private static WorkflowDefinition Read(string text) => WorkflowFile.Read(text, Support.TestActivities.Registry).Definition!;

    [Theory]
    [MemberData(nameof(ElsaRoundTripTests.Workflows), MemberType = typeof(ElsaRoundTripTests))]
    public void Identical_definitions_give_an_empty_diff(string file)
    {
        var text = ElsaSamples.Read(file);

        var diff = WorkflowDiffer.Diff(Read(text), Read(text));

        Assert.True(diff.IsEmpty);
        Assert.Equal("No structural changes.\n", WorkflowDiffText.Render(diff));
    }

    [Fact]
    public void Reordering_inputs_edges_and_reformatting_is_not_a_change()
    {
        const string a = """{"id": "w", "version": 1, "name": "W", "description": "d", "activities": [{"id": "x", "type": "TestStep", "inputs": {"message": "m", "other": 1}, "next": ["y", "z"]}, {"id": "y", "type": "TestStep"}, {"id": "z", "type": "TestStep"}]}""";
        const string b = """
            {"id": "w", "version": 1, "name": "W", "description": "d",
             "activities": [
               {"id": "x", "type": "TestStep", "next": ["z", "y"], "inputs": {"other": 1, "message": "m"}},
               {"id": "y", "type": "TestStep"}, {"id": "z", "type": "TestStep"}]}
            """;

        Assert.True(WorkflowDiffer.Diff(Read(a), Read(b)).IsEmpty);
    }

    [Fact]
    public void Every_kind_of_change_is_reported()
    {
        var diff = WorkflowDiffer.Diff(Read(Old), Read(New));

        Assert.Equal(["version", "description"], diff.Workflow.Select(c => c.Name));
        Assert.Equal([("rows", ChangeKind.Changed), ("added", ChangeKind.Added), ("gone", ChangeKind.Removed)], diff.Inputs.Select(c => (c.Name, c.Kind)));
        Assert.Empty(diff.Outputs);
        Assert.Empty(diff.Variables);
        var trigger = Assert.Single(diff.Triggers);
        Assert.Equal(("landing", ChangeKind.Changed), (trigger.Key, trigger.Kind));
        Assert.Equal(new ValueChange("bucket", ChangeKind.Changed, "raw", "curated"), trigger.Changes.Single(), ValueChangeComparer.Instance);

        Assert.Equal(new ActivityRef("alert", "TestStep", null), Assert.Single(diff.ActivitiesAdded));
        Assert.Equal(new ActivityRef("old-alert", "TestStep", null), Assert.Single(diff.ActivitiesRemoved));
        Assert.Equal(["gate", "inner"], diff.ActivitiesChanged.Select(c => c.Id));

        var gate = diff.ActivitiesChanged[0];
        Assert.Equal([("timeout", ChangeKind.Changed), ("retry", ChangeKind.Removed), ("catch", ChangeKind.Added)], gate.Properties.Select(p => (p.Name, p.Kind)));
        Assert.Equal(
            [("ruleset", ChangeKind.Changed, "\"rules/a.dqdl\"", "\"rules/b.dqdl\""), ("threshold", ChangeKind.Added, "null", "0.9"), ("rows", ChangeKind.Removed, "5", "null")],
            gate.Inputs.Select(i => (i.Name, i.Kind, Json(i.Old), Json(i.New))));

        var inner = diff.ActivitiesChanged[1];
        Assert.Equal(new ValueChange("type", ChangeKind.Changed, "TestStep", "TestGate"), inner.Properties.Single(), ValueChangeComparer.Instance);

        Assert.Equal([new EdgeRef("gate", "Failed", "alert")], diff.EdgesAdded);
        Assert.Equal([new EdgeRef("gate", "Failed", "old-alert")], diff.EdgesRemoved);
    }

    [Fact]
    public void Moving_an_activity_into_a_body_is_a_parent_change()
    {
        const string a = """{"id": "w", "version": 1, "name": "W", "description": "d", "activities": [{"id": "l", "type": "TestLoop", "inputs": {"items": []}, "body": [{"id": "b", "type": "TestStep"}]}, {"id": "s", "type": "TestStep"}]}""";
        const string b = """{"id": "w", "version": 1, "name": "W", "description": "d", "activities": [{"id": "l", "type": "TestLoop", "inputs": {"items": []}, "body": [{"id": "b", "type": "TestStep"}, {"id": "s", "type": "TestStep"}]}]}""";

        var change = Assert.Single(WorkflowDiffer.Diff(Read(a), Read(b)).ActivitiesChanged);

        Assert.Equal(new ValueChange("parent", ChangeKind.Changed, null, "l"), Assert.Single(change.Properties), ValueChangeComparer.Instance);
    }

    [Fact]
    public void The_text_rendering_lists_each_section()
    {
        var text = WorkflowDiffText.Render(WorkflowDiffer.Diff(Read(Old), Read(New)));

        Assert.Equal(
            """
            workflow: 2 changed
              ~ version: 1 → 2
              ~ description: "Old." → "New."
            inputs: 1 added, 1 removed, 1 changed
              ~ rows: {"type":"integer","default":10} → {"type":"integer","default":20}
              + added: {"type":"boolean"}
              - gone: {"type":"string"}
            triggers: 1 changed
              ~ landing (S3ObjectCreated)
                  ~ bucket: "raw" → "curated"
            activities: 1 added, 1 removed, 2 changed
              + alert (TestStep)
              - old-alert (TestStep)
              ~ gate (TestGate)
                  ~ timeout: "PT10M" → "PT20M"
                  - retry: [{"errorEquals":["States.ALL"],"intervalSeconds":1,"maxAttempts":2,"backoffRate":2.0}]
                  + catch: [{"errorEquals":["States.ALL"],"next":"alert"}]
                  ~ inputs.ruleset: "rules/a.dqdl" → "rules/b.dqdl"
                  + inputs.threshold: 0.9
                  - inputs.rows: 5
              ~ inner (TestGate)
                  ~ type: "TestStep" → "TestGate"
                  + inputs.ruleset: "r"
            edges: 1 added, 1 removed
              + gate --Failed--> alert
              - gate --Failed--> old-alert

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void The_JSON_form_is_camel_case_with_kinds_as_words()
    {
        var json = JsonNode.Parse(WorkflowDiffer.Diff(Read(Old), Read(New)).ToJson())!;

        Assert.Equal("changed", (string?)json["activitiesChanged"]![0]!["inputs"]![0]!["kind"]);
        Assert.Equal("rules/b.dqdl", (string?)json["activitiesChanged"]![0]!["inputs"]![0]!["new"]);
        Assert.Equal("old-alert", (string?)json["edgesRemoved"]![0]!["to"]);
        Assert.Equal("added", (string?)json["inputs"]![1]!["kind"]);
        Assert.Null(json["isEmpty"]);
    }

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>Compares values by their JSON, since <see cref="JsonNode"/> has reference equality.</summary>
    private sealed class ValueChangeComparer : IEqualityComparer<ValueChange>
    {
        public static ValueChangeComparer Instance { get; } = new();

        public bool Equals(ValueChange? x, ValueChange? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Kind == y.Kind && JsonNode.DeepEquals(x.Old, y.Old) && JsonNode.DeepEquals(x.New, y.New);

        public int GetHashCode(ValueChange obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
