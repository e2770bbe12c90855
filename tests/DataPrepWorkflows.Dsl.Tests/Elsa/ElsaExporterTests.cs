using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Dsl.Reading;

namespace DataPrepWorkflows.Dsl.Tests.Elsa;

public sealed class ElsaExporterTests
{
    private static JsonObject Export(string workflow, WorkflowLayout? layout = null) =>
        ElsaWorkflowExporter.Export(WorkflowFile.Read(workflow, ElsaSamples.Registry).Definition!, layout, ElsaSamples.Registry);

    private const string Simple = """
        {"id": "w", "version": 3, "name": "W", "description": "d",
         "activities": [
           {"id": "gate", "type": "If", "inputs": {"condition": "=inputs.ok"}, "next": {"True": "say", "False": "stop"}},
           {"id": "say", "type": "Log", "inputs": {"message": "s3://${inputs.bucket}/x", "level": "Warning"}},
           {"id": "stop", "type": "Fail", "inputs": {"error": "==literal"}, "timeout": "PT5M"}]}
        """;

    [Fact]
    public void The_definition_has_Elsa_identity_fields_and_a_flowchart_root()
    {
        var elsa = Export(Simple);

        Assert.Equal("w", (string?)elsa["definitionId"]);
        Assert.Equal("w-v3", (string?)elsa["id"]);
        Assert.Equal(3, (int?)elsa["version"]);
        Assert.True((bool?)elsa["isLatest"]);
        Assert.True((bool?)elsa["isPublished"]);
        Assert.Equal(ElsaWorkflowExporter.ToolVersion, (string?)elsa["toolVersion"]);
        Assert.Equal("Elsa.Flowchart", (string?)elsa["root"]!["type"]);
    }

    [Fact]
    public void Outcomes_become_ports_and_values_become_typed_wrappers()
    {
        var elsa = Export(Simple);
        var activities = ElsaRoundTripTests.Activities(elsa).ToList();
        var connections = ((JsonArray)elsa["root"]!["connections"]!).Select(c => $"{c!["source"]!["activity"]}:{c["source"]!["port"]}->{c["target"]!["activity"]}:{c["target"]!["port"]}");

        Assert.Equal(["gate:True->say:In", "gate:False->stop:In"], connections);
        Assert.Equal(["Elsa.FlowDecision", "Elsa.WriteLine", "Elsa.Fault"], activities.Select(a => (string?)a["type"]));
        Assert.Equal("""{"typeName":"Boolean","expression":{"type":"JavaScript","value":"inputs.ok"}}""", activities[0]["condition"]!.ToJsonString());
        Assert.Equal("`s3://${inputs.bucket}/x`", (string?)activities[1]["text"]!["expression"]!["value"]);
        Assert.Equal("""{"typeName":"String","expression":{"type":"Literal","value":"=literal"}}""", activities[2]["code"]!.ToJsonString());
        Assert.Equal("PT5M", (string?)activities[2]["customProperties"]![ElsaKeys.Timeout]);
    }

    [Fact]
    public void Layout_positions_go_to_designer_metadata_and_come_back()
    {
        var layout = WorkflowLayout.Parse("""{"activities": {"say": {"x": 240, "y": 120.5}}}""");

        var elsa = Export(Simple, layout);
        var imported = ElsaWorkflowImporter.Import(elsa.ToJsonString(), "w.elsa.json", ElsaSamples.Registry);

        Assert.Equal("""{"x":240,"y":120.5}""", ElsaRoundTripTests.Activities(elsa).ElementAt(1)["metadata"]!["designer"]!["position"]!.ToJsonString());
        Assert.Equal(new LayoutPosition(240, 120.5), Assert.Single(imported.Layout!.Positions).Value);
        Assert.Equal("{\n  \"activities\": {\n    \"say\": {\n      \"x\": 240,\n      \"y\": 120.5\n    }\n  }\n}\n", imported.Layout.ToJson());
    }

    [Fact]
    public void Export_is_deterministic()
    {
        Assert.Equal(Export(Simple).ToJsonString(), Export(Simple).ToJsonString());
    }

    [Fact]
    public void Triggers_are_start_nodes_wired_to_every_start_and_come_back_as_triggers()
    {
        const string withTriggers = """
            {"id": "w", "version": 1, "name": "W", "description": "d",
             "triggers": [{"type": "S3ObjectCreated", "bucket": "raw"}, {"type": "Cron", "id": "say", "cron": "0 6 * * *"}],
             "activities": [{"id": "say", "type": "Log", "inputs": {"message": "hi"}}, {"id": "other", "type": "Log", "inputs": {"message": "ho"}}]}
            """;

        var elsa = Export(withTriggers);
        var imported = ElsaWorkflowImporter.Import(elsa.ToJsonString(), "w.elsa.json", ElsaSamples.Registry).Definition!;

        var nodes = ElsaRoundTripTests.Activities(elsa).ToList();
        Assert.Equal(["say", "other", "trigger", "say-2"], nodes.Select(n => (string?)n["id"]));
        Assert.True((bool?)nodes[2]["customProperties"]!["canStartWorkflow"]);
        Assert.Equal(4, ((JsonArray)elsa["root"]!["connections"]!).Count);
        Assert.Equal([null, "say"], imported.Triggers.Select(t => t.Id));
        Assert.Equal(2, imported.Activities.Count);
        Assert.All(imported.Activities, a => Assert.Empty(a.Next));
    }
}
