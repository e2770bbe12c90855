using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Tests.Elsa;

public sealed class ElsaImporterTests
{
    private static ElsaImportResult Import(string rootJson, string extra = "") =>
        ElsaWorkflowImporter.Import("""{"definitionId": "demo", "name": "Demo", "description": "d", "version": 1""" + extra + """, "root": """ + rootJson + "}", "demo.json", ElsaSamples.Registry);

    [Fact]
    public void A_sequence_root_becomes_a_chain()
    {
        var result = Import("""
            {"type": "Elsa.Sequence", "id": "s", "activities": [
              {"id": "a", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "one"}}},
              {"id": "b", "type": "Elsa.WriteLine", "text": "two"},
              {"id": "c", "type": "Elsa.Finish"}]}
            """);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var activities = result.Definition!.Activities;
        Assert.Equal(["Log", "Log", "Finish"], activities.Select(a => a.Type));
        Assert.Equal(new Edge("Done", "b"), Assert.Single(activities[0].Next));
        Assert.Equal(new Edge("Done", "c"), Assert.Single(activities[1].Next));
        Assert.Equal("two", activities[1].FindInput("message")!.GetValue<string>());
    }

    [Theory]
    [InlineData("""[{"source": {"Activity": "a", "Port": "True"}, "target": {"activity": "b", "port": "In"}}]""")]
    [InlineData("""[{"source": "a", "target": "b", "sourcePort": "True", "targetPort": "In"}]""")]
    [InlineData("""{"$values": [{"source": {"activity": "a", "port": "True"}, "target": {"activity": "b"}}]}""")]
    [InlineData("""{"source": {"activity": "a", "port": "True"}, "target": {"activity": "b", "port": "In"}}""")]
    public void Every_connection_shape_Elsa_reads_is_read(string connections)
    {
        var result = Import("""
            {"type": "Elsa.Flowchart", "id": "f", "activities": [
              {"id": "a", "type": "Elsa.FlowDecision", "condition": {"typeName": "Boolean", "expression": {"type": "JavaScript", "value": "inputs.go"}}},
              {"id": "b", "type": "Elsa.End"}],
             "connections":
            """ + connections + "}");

        var decision = result.Definition!.Activities[0];
        Assert.Equal("If", decision.Type);
        Assert.Equal("=inputs.go", decision.FindInput("condition")!.GetValue<string>());
        Assert.Equal(new Edge("True", "b"), Assert.Single(decision.Next));
    }

    [Fact]
    public void A_connection_to_a_missing_activity_is_dropped_with_a_warning()
    {
        var result = Import("""
            {"type": "Elsa.Flowchart", "activities": [{"id": "a", "type": "Elsa.WriteLine", "text": "x"}],
             "connections": [{"source": {"activity": "a", "port": "Done"}, "target": {"activity": "ghost", "port": "In"}}]}
            """);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ElsaDiagnosticCodes.DanglingConnection, warning.Code);
        Assert.Equal("/root/connections/0", warning.Path);
        Assert.Empty(result.Definition!.Activities[0].Next);
    }

    [Fact]
    public void A_CSharp_expression_is_an_error_naming_the_input()
    {
        var result = Import("""
            {"type": "Elsa.Flowchart", "activities": [
              {"id": "a", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "CSharp", "value": "return 1;"}}}]}
            """);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(ElsaDiagnosticCodes.UnsupportedExpression, error.Code);
        Assert.Contains("CSharp", error.Message, StringComparison.Ordinal);
        Assert.Equal("/root/activities/0/text", error.Path);
    }

    [Theory]
    [InlineData("""{"type": "Elsa.StateMachine", "id": "m"}""", ElsaDiagnosticCodes.UnsupportedContainer)]
    [InlineData("\"Elsa.Flowchart\"", ElsaDiagnosticCodes.NotAWorkflowDefinition)]
    public void A_root_that_is_not_a_flowchart_or_sequence_is_an_error(string root, string code)
    {
        var result = Import(root);

        Assert.Contains(result.Diagnostics, d => d.Code == code && d.IsError);
    }

    [Fact]
    public void Malformed_JSON_is_DPW001_with_its_position()
    {
        var result = ElsaWorkflowImporter.Import("{\n  \"root\": {,\n}", "bad.json");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("DPW001", error.Code);
        Assert.Equal(2, error.Line);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Ids_that_are_not_kebab_case_come_from_the_activity_name_and_stay_unique()
    {
        var result = Import("""
            {"type": "Elsa.Flowchart", "activities": [
              {"id": "X1", "name": "WriteLine1", "type": "Elsa.WriteLine", "text": "a"},
              {"id": "X2", "name": "WriteLine1", "type": "Elsa.WriteLine", "text": "b"}],
             "connections": [{"source": {"activity": "X1", "port": "Done"}, "target": {"activity": "X2", "port": "In"}}]}
            """);

        Assert.Equal(["write-line1", "write-line1-2"], result.Definition!.Activities.Select(a => a.Id));
        Assert.Equal("write-line1-2", result.Definition.Activities[0].Next[0].Target);
    }

    [Fact]
    public void A_model_wrapped_as_an_import_request_is_read()
    {
        var result = ElsaWorkflowImporter.Import("""{"model": {"definitionId": "w", "name": "W", "root": {"type": "Elsa.Flowchart", "activities": []}}, "publish": true}""", "request.json");

        Assert.Equal("w", result.Definition!.Id);
    }
}
