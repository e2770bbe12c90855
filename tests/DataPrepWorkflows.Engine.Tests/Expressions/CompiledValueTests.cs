using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Tests.Expressions;

public sealed class CompiledValueTests
{
    private readonly JintExpressionEngine _engine = new();

    private static ExpressionScope Scope()
    {
        var scope = new ExpressionScope();
        scope["inputs"] = JsonNode.Parse("""{"rows": 10, "bucket": "raw"}""");
        return scope;
    }

    [Fact]
    public void Nested_expressions_templates_and_literals_evaluate_together()
    {
        var value = JsonNode.Parse("""{"count": "=inputs.rows * 2", "path": "s3://${inputs.bucket}/x", "tags": ["a", "=inputs.bucket"], "n": 1.5, "eq": "==1"}""");

        var result = CompiledValue.Compile(value, _engine).Evaluate(Scope());

        Assert.Equal("""{"count":20,"path":"s3://raw/x","tags":["a","raw"],"n":1.5,"eq":"=1"}""", result!.ToJsonString());
    }

    [Fact]
    public void Pure_literal_is_detected_and_evaluates_to_a_copy_the_caller_owns()
    {
        var value = JsonNode.Parse("""{"a": [1, 2], "b": "text", "c": "==escaped", "d": "$${not interpolated}"}""");
        var compiled = CompiledValue.Compile(value, _engine);

        var first = compiled.Evaluate(new ExpressionScope())!.AsObject();
        first["a"]!.AsArray().Add(3);
        var second = compiled.Evaluate(new ExpressionScope());

        Assert.True(compiled.IsLiteral);
        Assert.True(compiled.TryGetLiteral(out var shared));
        Assert.Equal("""{"a":[1,2],"b":"text","c":"=escaped","d":"${not interpolated}"}""", second!.ToJsonString());
        Assert.Equal(second.ToJsonString(), shared!.ToJsonString());
    }

    [Fact]
    public void Compiling_does_not_modify_or_keep_the_source_node()
    {
        var value = JsonNode.Parse("""{"a": "=1"}""")!;

        CompiledValue.Compile(value, _engine);
        var parent = new JsonObject { ["v"] = value };

        Assert.Equal("""{"v":{"a":"=1"}}""", parent.ToJsonString());
    }

    [Fact]
    public void Invalid_nested_expression_fails_to_compile()
    {
        Assert.Throws<ExpressionSyntaxException>(() => CompiledValue.Compile(JsonNode.Parse("""{"a": ["=1 +"]}"""), _engine));
    }

    [Fact]
    public void Null_compiles_to_a_null_literal()
    {
        var compiled = CompiledValue.Compile(null, _engine);

        Assert.True(compiled.IsLiteral);
        Assert.Null(compiled.Evaluate(new ExpressionScope()));
    }
}
