using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Events.Tests.Triggers;

/// <summary>Trigger and concurrency diagnostics of the DSL validator, positioned at the offending property.</summary>
public sealed class TriggerValidationTests
{
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.WithBuiltIns(typeof(S3ObjectCreatedTrigger).Assembly));

    private static string File(string triggers, string extra = "") => $$$"""
        {
          "id": "w",
          "version": 1,
          "name": "n",
          "description": "d",{{{extra}}}
          "triggers": [
            {{{triggers}}}
          ],
          "activities": [{"id": "a", "type": "Log", "inputs": {"message": "hi"}}]
        }
        """;

    [Theory]
    [InlineData("""{"type": "EventBridge", "pattern": {"source": "x"}}""", "DPW026", "/triggers/0/pattern", 7, 29)]
    [InlineData("""{"type": "S3ObjectCreated", "bucket": "Raw_Data"}""", "DPW027", "/triggers/0/bucket", 7, 33)]
    [InlineData("""{"type": "S3ObjectCreated", "bucket": "raw", "keyPrefix": "a/", "detail": {"object": {"key": ["k"]}}}""", "DPW028", "/triggers/0/detail/object/key", 7, 91)]
    [InlineData("""{"type": "S3ObjectCreated", "bucket": "raw", "batch": {"window": "1 minute"}}""", "DPW029", "/triggers/0/batch/window", 7, 60)]
    [InlineData("""{"type": "S3ObjectCreated", "bucket": "raw", "dedupeWindow": "always"}""", "DPW030", "/triggers/0/dedupeWindow", 7, 50)]
    public void Trigger_problems_are_coded_and_positioned(string trigger, string code, string path, int line, int column)
    {
        var result = Validator.Validate(File(trigger));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, path, line, column), (diagnostic.Code, diagnostic.Path, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("Trigger 0 (", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pattern_errors_quote_EventBridges_reason()
    {
        var diagnostic = Assert.Single(Validator.Validate(File("""{"type": "EventBridge", "id": "app", "pattern": {"source": "x"}}""")).Diagnostics);
        Assert.Equal("Trigger app (EventBridge): The trigger's event pattern is not valid: \"source\" must be an object or an array", diagnostic.Message);
    }

    [Fact]
    public void Unknown_and_missing_trigger_inputs_are_reported_once_by_the_generic_checks()
    {
        var codes = Validator.Validate(File("""{"type": "S3ObjectCreated", "prefix": "a/"}""")).Diagnostics.Select(d => d.Code).ToList();
        Assert.Equal(["DPW010", "DPW012"], codes.Order());
        Assert.Equal("DPW021", Assert.Single(Validator.Validate(File("""{"type": "S3ObjectChanged", "bucket": "raw"}""")).Diagnostics).Code);
    }

    [Fact]
    public void A_valid_trigger_file_has_no_diagnostics() =>
        Assert.Empty(Validator.Validate(File("""{"type": "S3ObjectCreated", "bucket": "raw", "keyPrefix": "incoming/", "keySuffix": ".csv", "batch": {"window": "60s", "mode": "debounce"}, "dedupeWindow": "24h"}""", "\n  \"concurrency\": {\"limit\": 2, \"behavior\": \"skip\"},")).Diagnostics);

    [Fact]
    public void Concurrency_is_read_and_written_canonically()
    {
        var result = Validator.Validate(File("""{"type": "S3ObjectCreated", "bucket": "raw"}""", "\n  \"concurrency\": {\"behavior\": \"cancel\"},"));
        Assert.Equal(new WorkflowConcurrency(1, ConcurrencyBehavior.Cancel), result.Definition!.Concurrency);
        var text = WorkflowWriter.Write(result.Definition);
        Assert.Contains("\"concurrency\": {\n    \"limit\": 1,\n    \"behavior\": \"cancel\"\n  },\n  \"triggers\"", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(text, WorkflowWriter.Write(Validator.Validate(text).Definition!));
    }

    [Theory]
    [InlineData("""{"limit": 0}""", "/concurrency/limit")]
    [InlineData("""{"limit": "1"}""", "/concurrency/limit")]
    [InlineData("""{"behavior": "fail"}""", "/concurrency/behavior")]
    [InlineData("""{"max": 1}""", "/concurrency/max")]
    [InlineData("1", "/concurrency")]
    public void Bad_concurrency_is_DPW031(string concurrency, string path)
    {
        var diagnostic = Assert.Single(Validator.Validate(File("""{"type": "S3ObjectCreated", "bucket": "raw"}""", $"\n  \"concurrency\": {concurrency},")).Diagnostics);
        Assert.Equal(("DPW031", path), (diagnostic.Code, diagnostic.Path));
    }
}
