using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Schema;
using DataPrepWorkflows.Dsl.Tests.Support;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Tests.Schema;

public sealed class WorkflowSchemaGeneratorTests
{
    [Fact]
    public void Generation_is_deterministic()
    {
        var first = WorkflowSchemaGenerator.Generate(TestActivities.Registry);
        var again = WorkflowSchemaGenerator.Generate(ActivityRegistry.FromTypes([typeof(TestFileTrigger), typeof(TestSwitch), typeof(TestLoop), typeof(TestStep), typeof(TestGate)]));

        Assert.Equal(first, again);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_registered_type_appears_with_its_inputs()
    {
        var schema = JsonNode.Parse(WorkflowSchemaGenerator.Generate(TestActivities.Registry))!;
        var defs = schema["$defs"]!;
        var types = defs["activity"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.Equal(["TestGate", "TestLoop", "TestStep", "TestSwitch"], types);
        var gate = defs["activity.TestGate"]!["properties"]!["inputs"]!;
        Assert.Equal(["ruleset"], gate["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["strict", "lenient"], gate["properties"]!["mode"]!["anyOf"]![0]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("strict", gate["properties"]!["mode"]!["default"]!.GetValue<string>());
        Assert.Equal("integer", gate["properties"]!["rows"]!["anyOf"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("string", gate["properties"]!["label"]!["type"]!.GetValue<string>());
        Assert.False(gate["additionalProperties"]!.GetValue<bool>());
        var gateProperties = defs["activity.TestGate"]!["properties"]!;
        Assert.False(gateProperties["body"]!.GetValue<bool>());
        Assert.Equal(["Passed", "Failed"], gateProperties["next"]!["anyOf"]![1]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Null(defs["activity.TestLoop"]!["properties"]!["body"]);
        Assert.Null(defs["activity.TestSwitch"]!["properties"]!["next"]);
        Assert.Equal("#/$defs/trigger.TestFileTrigger", defs["trigger"]!["oneOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal(["bucket"], defs["trigger.TestFileTrigger"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public void Built_in_registry_generates_a_schema()
    {
        var schema = JsonNode.Parse(WorkflowSchemaGenerator.Generate(ActivityRegistry.WithBuiltIns()))!;

        Assert.NotNull(schema["$defs"]!["activity"]);
    }

    [Fact]
    public void Descriptor_json_has_camel_case_fields_and_string_enums()
    {
        var json = JsonNode.Parse(DescriptorJson.Write(TestActivities.Registry.Find("TestGate")!))!;

        Assert.Equal("TestGate", json["typeName"]!.GetValue<string>());
        Assert.Equal("Action", json["kind"]!.GetValue<string>());
        Assert.Equal(["Passed", "Failed"], json["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("ruleset", json["inputs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("dropdown", json["inputs"]![1]!["uiHint"]!.GetValue<string>());
        Assert.Equal("score", json["outputs"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Descriptor_list_has_items_and_count()
    {
        var json = JsonNode.Parse(DescriptorJson.WriteAll(TestActivities.Registry))!;

        Assert.Equal(5, json["count"]!.GetValue<int>());
        Assert.Equal(5, json["items"]!.AsArray().Count);
    }
}
