using DataPrepWorkflows.Dsl.Elsa;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Dsl.Writing;

namespace DataPrepWorkflows.Dsl.Tests.Elsa;

/// <summary>The two workflow definitions Elsa's own test suites use, as files exported by Elsa.</summary>
public sealed class ElsaExamplesTests
{
    private const string Folder = "tests/DataPrepWorkflows.Dsl.Tests/Elsa/Examples/";

    [Fact]
    public void Calculator_imports_as_a_valid_workflow_with_warnings_for_what_changed()
    {
        var result = ElsaWorkflowImporter.Import(ElsaSamples.Read(Folder + "calculator.json"), "calculator.json", ElsaSamples.Registry);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var definition = result.Definition!;
        Assert.Equal("calculator", definition.Id);
        Assert.Equal(5, definition.Version);
        Assert.Equal("Calculator", definition.Name);
        Assert.Equal(["sum1", "write-line1"], definition.Activities.Select(a => a.Id));
        Assert.Equal("RunWorkflow", definition.Activities[0].Type);
        Assert.Equal("{\"a\":4,\"b\":5}", definition.Activities[0].FindInput("inputs")!.ToJsonString());
        Assert.Equal("Result: ${variables.TheSum}", definition.Activities[1].FindInput("message")!.GetValue<string>());
        Assert.Equal(new Engine.Definitions.Edge("Done", "write-line1"), Assert.Single(definition.Activities[0].Next));
        Assert.Equal("integer", Assert.Single(definition.Variables).Type);
        Assert.Equal(
            [ElsaDiagnosticCodes.WorkflowAsActivity, ElsaDiagnosticCodes.OutputBinding, ElsaDiagnosticCodes.ElsaScriptFunctions],
            result.Diagnostics.Select(d => d.Code));
        Assert.Contains(result.Diagnostics, d => d.Code == ElsaDiagnosticCodes.OutputBinding && d.Line == 84 && d.Message.Contains("'sum1' (Elsa id 'WDS8owJicUuwae0D5GPbZw')", StringComparison.Ordinal));
        Assert.Equal(new LayoutPosition(-150.5, -173), result.Layout!.Positions["sum1"]);

        var text = WorkflowWriter.Write(definition, ElsaSamples.Registry);
        Assert.DoesNotContain(new WorkflowValidator(ElsaSamples.Registry).Validate(text).Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Http_hello_world_imports_with_an_error_naming_each_activity_Elsa_type_and_line()
    {
        var result = ElsaWorkflowImporter.Import(ElsaSamples.Read(Folder + "http-hello-world.json"), "http-hello-world.json", ElsaSamples.Registry);

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(ElsaDiagnosticCodes.UnknownElsaActivity, e.Code));
        Assert.Contains("'90c3d3b2ea1f6ddc'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Elsa.HttpEndpoint", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((82, 9), (errors[0].Line, errors[0].Column));
        Assert.Equal("/root/activities/0/type", errors[0].Path);
        Assert.Contains("Elsa.WriteHttpResponse", errors[1].Message, StringComparison.Ordinal);

        // The nodes stay in the graph, with their inputs, so the user can replace them in place.
        var definition = result.Definition!;
        Assert.Equal(["Elsa.HttpEndpoint", "Elsa.WriteHttpResponse"], definition.Activities.Select(a => a.Type));
        Assert.Equal("[\"GET\"]", definition.Activities[0].FindInput("supportedMethods")!.ToJsonString());
        Assert.False(definition.Activities[0].HasInput("requestTimeout"));
        Assert.Equal("3048105347912af5", Assert.Single(definition.Activities[0].Next).Target);
        Assert.Equal("HTTP Hello World", definition.Name);
    }
}
