using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Benchmarks.Engine;
using DataPrepWorkflows.Dsl.Validation;
using DataPrepWorkflows.Dsl.Writing;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Benchmarks.Dsl;

/// <summary>
/// Expressions and workflow files. Expressions are compared against the straightforward use of Jint: a new engine and
/// a parse of the text on every evaluation. Validation and formatting run on the control-flow sample workflow.
/// </summary>
internal sealed class DslBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "dsl";

    public string Description => "expression evaluation (pooled, pre-parsed vs. naive Jint), compile, validate and format a workflow";

    public Task RunAsync(string[] args)
    {
        var engine = new JintExpressionEngine();
        var scope = Scope();
        var comparison = engine.Compile("activities.gate.output.score >= 0.95", ExpressionKind.Expression);
        var template = engine.Compile("s3://${trigger.detail.bucket.name}/${trigger.detail.object.key}", ExpressionKind.Template);
        var arithmetic = engine.Compile("inputs.rows * 2 + 1", ExpressionKind.Expression);
        var value = CompiledValue.Compile(JsonNode.Parse("""{"path": "s3://${inputs.bucket}/x", "rows": "=inputs.rows", "tags": ["a", "b"]}"""), engine);
        var literal = CompiledValue.Compile(JsonNode.Parse("""{"ruleset": "rules/loans.dqdl", "threshold": 0.95}"""), engine);

        var rows = new List<(string Name, double Micros, string Note)>
        {
            ("comparison, pre-parsed, pooled", Timing.MedianMicroseconds(() => comparison.Evaluate(scope), 20_000), ""),
            ("comparison, naive Jint", Timing.MedianMicroseconds(() => Naive("activities.gate.output.score >= 0.95", scope), 200), "new engine + parse per call"),
            ("template, 2 parts", Timing.MedianMicroseconds(() => template.Evaluate(scope), 20_000), ""),
            ("arithmetic", Timing.MedianMicroseconds(() => arithmetic.Evaluate(scope), 20_000), ""),
            ("value tree, 2 dynamic parts", Timing.MedianMicroseconds(() => value.Evaluate(scope), 20_000), ""),
            ("value tree, literal", Timing.MedianMicroseconds(() => literal.Evaluate(scope), 50_000), "deep clone"),
            ("compile expression", Timing.MedianMicroseconds(() => engine.Compile("activities.gate.output.score >= 0.95", ExpressionKind.Expression), 5_000), "parse once per definition"),
        };

        var sample = FindSample();
        if (sample is not null)
        {
            var text = File.ReadAllText(sample);
            var registry = ActivityRegistry.WithBuiltIns();
            var validator = new WorkflowValidator(registry, engine);
            rows.Add(("validate sample workflow", Timing.MedianMicroseconds(() => validator.Validate(text), 500), Path.GetFileName(sample)));
            rows.Add(("format sample workflow", Timing.MedianMicroseconds(() => WorkflowFormatter.Format(text, registry), 500), Path.GetFileName(sample)));
        }

        Console.WriteLine("| Measurement | Median µs/op | Note |");
        Console.WriteLine("| --- | ---: | --- |");
        foreach (var (name, micros, note) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {micros:F2} | {note} |"));
        }

        return Task.CompletedTask;
    }

    private static ExpressionScope Scope()
    {
        var scope = new ExpressionScope();
        scope["inputs"] = JsonNode.Parse("""{"rows": 1000, "bucket": "raw", "files": ["a.csv", "b.csv", "c.csv"]}""");
        scope["trigger"] = JsonNode.Parse("""{"detail": {"bucket": {"name": "raw"}, "object": {"key": "loans/2024.csv", "size": 1024}}}""");
        var details = new JsonArray(Enumerable.Range(0, 200).Select(i => (JsonNode?)new JsonObject { ["rule"] = $"r{i}", ["passed"] = i % 7 != 0 }).ToArray());
        scope["activities"] = new JsonObject { ["gate"] = new JsonObject { ["output"] = new JsonObject { ["score"] = 0.97, ["rules"] = details } } };
        return scope;
    }

    // The baseline: what a host writes without pre-parsing or pooling.
    private static object Naive(string source, ExpressionScope scope)
    {
        var jint = new Jint.Engine(o => o.Strict().TimeoutInterval(TimeSpan.FromSeconds(2)).MaxStatements(100_000).LimitRecursion(64));
        foreach (var (name, node) in scope.Names)
        {
            jint.SetValue(name, jint.Json.Parse(Jint.Native.JsValue.Undefined, [node?.ToJsonString() ?? "null"]));
        }

        return jint.Execute(source).GetCompletionValue().ToObject();
    }

    private static string? FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", "sample-control-flow.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
