using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Tests.Expressions;

public sealed class TemplateTests
{
    private readonly JintExpressionEngine _engine = new();

    private static ExpressionScope Scope()
    {
        var scope = new ExpressionScope();
        scope["trigger"] = JsonNode.Parse("""{"detail": {"bucket": {"name": "raw"}, "object": {"key": "loans/2024.csv"}}}""");
        scope["inputs"] = JsonNode.Parse("""{"rows": 3, "files": ["a", "b"], "missing": null}""");
        return scope;
    }

    private JsonNode? Render(string template) => _engine.Compile(template, ExpressionKind.Template).Evaluate(Scope());

    [Fact]
    public void Parts_are_replaced_by_their_values()
    {
        Assert.Equal("s3://raw/loans/2024.csv", Render("s3://${trigger.detail.bucket.name}/${trigger.detail.object.key}")!.GetValue<string>());
    }

    [Fact]
    public void A_template_that_is_one_part_yields_the_raw_value()
    {
        Assert.Equal("""["a","b"]""", Render("${inputs.files}")!.ToJsonString());
        Assert.Equal(3L, Render("${inputs.rows}")!.GetValue<long>());
    }

    [Fact]
    public void Non_string_parts_inside_text_are_written_as_json_and_null_as_nothing()
    {
        Assert.Equal("rows=3 files=[\"a\",\"b\"] missing=", Render("rows=${inputs.rows} files=${inputs.files} missing=${inputs.missing}")!.GetValue<string>());
    }

    [Fact]
    public void Braces_and_quotes_inside_a_part_are_balanced()
    {
        Assert.Equal("x}y 1", Render("${ 'x}y' } ${ {a: 1}.a }")!.GetValue<string>());
    }

    [Fact]
    public void Dollar_dollar_brace_is_a_literal()
    {
        Assert.Equal("cost ${rows} = 3", Render("cost $${rows} = ${inputs.rows}")!.GetValue<string>());
    }

    [Fact]
    public void Unclosed_part_is_a_syntax_error_at_its_start()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => _engine.Compile("s3://${inputs.rows", ExpressionKind.Template));

        Assert.Equal((1, 6), (error.Line, error.Column));
    }

    [Fact]
    public void Syntax_error_in_a_part_is_positioned_in_the_template()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => _engine.Compile("s3://${inputs.rows +* 1}", ExpressionKind.Template));

        Assert.Equal((1, 21), (error.Line, error.Column));
    }
}
