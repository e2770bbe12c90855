using System.Text.Json.Nodes;
using DataPrepWorkflows.Events.S3;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Events.Tests.Triggers;

public sealed class TriggerCompilerTests
{
    private static readonly S3EventFactory Factory = new(TimeProvider.System);

    private static TriggerCompilation Compile(string type, string inputsJson) =>
        TriggerCompiler.Compile(type, JsonNode.Parse(inputsJson)!.AsObject().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList());

    private static CompiledTrigger Valid(string type, string inputsJson)
    {
        var compilation = Compile(type, inputsJson);
        Assert.Empty(compilation.Problems);
        return compilation.Trigger!;
    }

    [Fact]
    public void S3ObjectCreated_with_prefix_compiles_to_the_documented_pattern()
    {
        var trigger = Valid("S3ObjectCreated", """{"bucket": "raw", "keyPrefix": "incoming/"}""");
        Assert.Equal(
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["raw"]},"object":{"key":[{"prefix":"incoming/"}]}}}""",
            trigger.PatternJson.ToJsonString());
        Assert.Null(trigger.Batch);
        Assert.Equal(TimeSpan.FromHours(24), trigger.DedupeWindow);
        Assert.Equal("default", trigger.EventBusName);
    }

    [Fact]
    public void Prefix_and_suffix_together_become_one_wildcard_so_both_must_hold()
    {
        var trigger = Valid("S3ObjectCreated", """{"bucket": "raw", "keyPrefix": "in*/", "keySuffix": ".csv"}""");
        Assert.Equal("""[{"wildcard":"in\\*/*.csv"}]""", trigger.PatternJson["detail"]!["object"]!["key"]!.ToJsonString());
        Assert.True(trigger.Pattern.Matches(Factory.ObjectCreated("raw", "in*/a.csv", 1, "e").ToJson()));
        Assert.False(trigger.Pattern.Matches(Factory.ObjectCreated("raw", "in*/a.json", 1, "e").ToJson()));
        Assert.False(trigger.Pattern.Matches(Factory.ObjectCreated("raw", "inx/a.csv", 1, "e").ToJson()));
        Assert.False(trigger.Pattern.Matches(Factory.ObjectCreated("other", "in*/a.csv", 1, "e").ToJson()));
    }

    [Fact]
    public void Suffix_alone_and_deleted_events()
    {
        var trigger = Valid("S3ObjectDeleted", """{"bucket": "raw", "keySuffix": ".csv"}""");
        Assert.True(trigger.Pattern.Matches(Factory.ObjectDeleted("raw", "x/a.csv").ToJson()));
        Assert.False(trigger.Pattern.Matches(Factory.ObjectCreated("raw", "x/a.csv", 1, "e").ToJson()));
    }

    [Fact]
    public void Detail_filters_join_the_bucket_and_key_conditions()
    {
        var trigger = Valid("S3ObjectCreated", """{"bucket": "raw", "keyPrefix": "a/", "detail": {"object": {"size": [{"numeric": [">", 10]}]}}}""");
        Assert.True(trigger.Pattern.Matches(Factory.ObjectCreated("raw", "a/x", 11, "e").ToJson()));
        Assert.False(trigger.Pattern.Matches(Factory.ObjectCreated("raw", "a/x", 10, "e").ToJson()));
    }

    [Fact]
    public void EventBridge_trigger_takes_a_pattern_object_or_string()
    {
        var fromObject = Valid("EventBridge", """{"pattern": {"source": ["my.app"]}, "eventBusName": "ops"}""");
        var fromString = Valid("EventBridge", """{"pattern": "{\"source\": [\"my.app\"]}"}""");
        Assert.Equal("ops", fromObject.EventBusName);
        Assert.Equal(fromObject.PatternJson.ToJsonString(), fromString.PatternJson.ToJsonString());
    }

    [Theory]
    [InlineData("""{"pattern": {"source": "my.app"}}""", "\"source\" must be an object or an array")]
    [InlineData("""{"pattern": "{\"source\": }"}""", "")]
    [InlineData("""{"pattern": {"detail": {"n": [{"numeric": [">", "x"]}]}}}""", "")]
    public void Invalid_patterns_are_reported_with_EventBridges_reason(string inputs, string reason)
    {
        var problem = Assert.Single(Compile("EventBridge", inputs).Problems);
        Assert.Equal(TriggerProblemKind.InvalidPattern, problem.Kind);
        Assert.Equal("pattern", problem.Input);
        Assert.StartsWith("The trigger's event pattern is not valid: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Raw_Data")]
    [InlineData("s3://raw")]
    [InlineData("ab")]
    public void Bad_bucket_names_are_reported(string bucket)
    {
        var problem = Assert.Single(Compile("S3ObjectCreated", $$"""{"bucket": "{{bucket}}"}""").Problems);
        Assert.Equal(TriggerProblemKind.InvalidBucketName, problem.Kind);
        Assert.Equal("bucket", problem.Input);
    }

    [Fact]
    public void Bucket_or_key_given_twice_is_a_conflict()
    {
        var problems = Compile("S3ObjectCreated", """{"bucket": "raw", "keyPrefix": "a/", "detail": {"bucket": {"name": ["raw"]}, "object": {"key": [{"suffix": ".csv"}]}}}""").Problems;
        Assert.Equal(["detail/bucket", "detail/object/key"], problems.Select(p => p.Input));
        Assert.All(problems, p => Assert.Equal(TriggerProblemKind.ConflictingInputs, p.Kind));
    }

    [Fact]
    public void Batch_options_are_read()
    {
        var trigger = Valid("S3ObjectCreated", """{"bucket": "raw", "batch": {"window": "60s", "mode": "debounce", "groupBy": "bucket"}, "dedupeWindow": "PT2H"}""");
        Assert.Equal(new TriggerBatch(TimeSpan.FromSeconds(60), BatchMode.Debounce, "bucket"), trigger.Batch);
        Assert.Equal(TimeSpan.FromHours(2), trigger.DedupeWindow);
        Assert.Equal(new TriggerBatch(TimeSpan.FromMinutes(5), BatchMode.Window, "prefix"), Valid("S3ObjectCreated", """{"bucket": "raw", "batch": {"window": "5m"}}""").Batch);
    }

    [Theory]
    [InlineData("""{"window": "soon"}""", "batch/window")]
    [InlineData("""{"window": "0s"}""", "batch/window")]
    [InlineData("""{"window": "2d"}""", "batch/window")]
    [InlineData("""{}""", "batch")]
    [InlineData("""{"window": "1m", "mode": "sliding"}""", "batch/mode")]
    [InlineData("""{"window": "1m", "groupBy": "folder"}""", "batch/groupBy")]
    [InlineData("""{"window": "1m", "size": 10}""", "batch/size")]
    [InlineData("\"60s\"", "batch")]
    public void Bad_batches_are_reported(string batch, string input)
    {
        var problem = Assert.Single(Compile("S3ObjectCreated", $$"""{"bucket": "raw", "batch": {{batch}}}""").Problems);
        Assert.Equal(TriggerProblemKind.InvalidBatch, problem.Kind);
        Assert.Equal(input, problem.Input);
    }

    [Theory]
    [InlineData("\"forever\"")]
    [InlineData("\"91d\"")]
    [InlineData("3600")]
    public void Bad_dedupe_windows_are_reported(string window)
    {
        var problem = Assert.Single(Compile("S3ObjectCreated", $$"""{"bucket": "raw", "dedupeWindow": {{window}}}""").Problems);
        Assert.Equal(TriggerProblemKind.InvalidDedupeWindow, problem.Kind);
    }

    [Fact]
    public void Payload_round_trips_through_the_stored_form()
    {
        var trigger = Valid("S3ObjectCreated", """{"bucket": "raw", "keySuffix": ".csv", "batch": {"window": "90s", "mode": "debounce", "groupBy": "key"}, "dedupeWindow": "1h"}""");
        var back = CompiledTrigger.FromPayloadJson("S3ObjectCreated", trigger.ToPayloadJson());
        Assert.Equal(trigger.PatternJson.ToJsonString(), back.PatternJson.ToJsonString());
        Assert.Equal(trigger.Batch, back.Batch);
        Assert.Equal(trigger.DedupeWindow, back.DedupeWindow);
        Assert.Equal(trigger.EventBusName, back.EventBusName);
    }

    [Theory]
    [InlineData("60s", 60_000)]
    [InlineData("500ms", 500)]
    [InlineData("24h", 86_400_000)]
    [InlineData("PT1M", 60_000)]
    [InlineData("P1D", 86_400_000)]
    public void Durations_in_short_or_ISO_form(string text, long milliseconds)
    {
        Assert.True(TriggerDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("1w")]
    [InlineData("PT0S")]
    [InlineData("P")]
    public void Bad_durations_are_rejected(string text) => Assert.False(TriggerDuration.TryParse(text, out _));

    [Fact]
    public void Trigger_activities_compile_their_bound_inputs()
    {
        var created = new S3ObjectCreatedTrigger { Bucket = "raw", KeyPrefix = "incoming/" };
        var payload = Assert.Single(created.GetTriggerPayloads());
        Assert.Equal(Valid("S3ObjectCreated", """{"bucket": "raw", "keyPrefix": "incoming/"}""").PatternJson.ToJsonString(), payload["pattern"]!.ToJsonString());
        Assert.Equal("P1D", payload["dedupeWindow"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => new S3ObjectDeletedTrigger { Bucket = "No" }.GetTriggerPayloads());
        var raw = new EventBridgeTrigger { Pattern = JsonNode.Parse("""{"source": ["x"]}"""), Batch = new JsonObject { ["window"] = "1m" } };
        Assert.Equal(TimeSpan.FromMinutes(1), raw.Compile().Batch!.Window);
    }

    [Fact]
    public void PatternFor_gives_the_rule_pattern_of_event_triggers_only()
    {
        var s3 = new DataPrepWorkflows.Engine.Definitions.TriggerDefinition("S3ObjectCreated", [KeyValuePair.Create<string, JsonNode?>("bucket", "raw")]);
        Assert.Equal("""{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["raw"]}}}""", TriggerCompiler.PatternFor(s3));
        Assert.Null(TriggerCompiler.PatternFor(new DataPrepWorkflows.Engine.Definitions.TriggerDefinition("Cron", [])));
        Assert.Throws<InvalidOperationException>(() => TriggerCompiler.PatternFor(s3 with { Inputs = [KeyValuePair.Create<string, JsonNode?>("bucket", "No")] }));
    }
}
