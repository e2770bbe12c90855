using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Dsl.Writing;

namespace DataPrepWorkflows.Dsl.Tests.Elsa;

public sealed class ElsaRoundTripTests
{
    public static IEnumerable<object[]> Workflows() => ElsaSamples.Workflows();

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Ours_to_Elsa_to_ours_is_identical_after_canonical_formatting(string file)
    {
        var text = ElsaSamples.Read(file);
        var read = WorkflowFile.Read(text, ElsaSamples.Registry);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));

        var elsa = ElsaWorkflowExporter.Export(read.Definition!, registry: ElsaSamples.Registry).ToJsonString();
        var imported = ElsaWorkflowImporter.Import(elsa, file, ElsaSamples.Registry);

        Assert.DoesNotContain(imported.Diagnostics, d => d.Code.StartsWith("DPW04", StringComparison.Ordinal) || d.IsError);
        Assert.Equal(WorkflowWriter.Write(read.Definition!, ElsaSamples.Registry), WorkflowWriter.Write(imported.Definition!, ElsaSamples.Registry));
    }

    [Fact]
    public void The_test_workflow_uses_every_control_activity()
    {
        var read = WorkflowFile.Read(ElsaSamples.Read("tests/DataPrepWorkflows.Dsl.Tests/Elsa/Workflows/every-control-activity.json"));
        var types = Flatten(read.Definition!.Activities).Select(a => a.Type).ToHashSet();
        var control = ElsaSamples.Registry.Descriptors.Where(d => d.Category == "Control").Select(d => d.TypeName);

        Assert.All(control, type => Assert.Contains(type, types));
        Assert.Contains(Flatten(read.Definition.Activities), a => a.Retry.Count > 0 && a.Catch.Count > 0 && a.Timeout is not null && a.Body.Count > 0);
    }

    [Fact]
    public void A_value_edited_in_Elsa_wins_over_the_kept_original()
    {
        var read = WorkflowFile.Read(ElsaSamples.Read("tests/DataPrepWorkflows.Dsl.Tests/Elsa/Workflows/every-control-activity.json"), ElsaSamples.Registry);
        var elsa = ElsaWorkflowExporter.Export(read.Definition!, registry: ElsaSamples.Registry);
        var child = Activities(elsa).Single(a => (string?)a["id"] == "child");
        Assert.NotNull(child["customProperties"]![ElsaKeys.Inputs]!["inputs"]);

        // Someone edits the RunWorkflow input object in Elsa Studio: the new JavaScript is what we import.
        child["input"]!["expression"]!["value"] = "({\"rows\": 5})";
        var imported = ElsaWorkflowImporter.Import(elsa.ToJsonString(), "edited.json", ElsaSamples.Registry);

        var node = Flatten(imported.Definition!.Activities).Single(a => a.Id == "child");
        Assert.Equal("=({\"rows\": 5})", node.FindInput("inputs")!.GetValue<string>());
    }

    internal static IEnumerable<Engine.Definitions.ActivityNode> Flatten(IEnumerable<Engine.Definitions.ActivityNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Body).Prepend(n));

    internal static IEnumerable<JsonObject> Activities(JsonObject elsa) =>
        ((JsonArray)elsa["root"]!["activities"]!).OfType<JsonObject>();
}
