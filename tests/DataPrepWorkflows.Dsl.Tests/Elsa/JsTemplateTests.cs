using DataPrepWorkflows.Dsl.Elsa;

namespace DataPrepWorkflows.Dsl.Tests.Elsa;

public sealed class JsTemplateTests
{
    [Theory]
    [InlineData("s3://${inputs.bucket}/${inputs.key}", "`s3://${inputs.bucket}/${inputs.key}`")]
    [InlineData("cost $${x} and ${ {a: 1}.a }", "`cost \\${x} and ${ {a: 1}.a }`")]
    [InlineData("${ \"}\" } `tick` \\", "`${ \"}\" } \\`tick\\` \\\\`")]
    [InlineData("${inputs.files}", "`${inputs.files}`")]
    public void A_template_becomes_a_template_literal_and_back(string template, string literal)
    {
        var parts = JsTemplate.Split(template)!;

        Assert.Equal(literal, JsTemplate.ToLiteral(parts));
        Assert.Equal(template, JsTemplate.Join(JsTemplate.ParseLiteral(literal)!));
    }

    [Theory]
    [InlineData("`a` + `b`")]
    [InlineData("getX()")]
    [InlineData("`${never closed`")]
    public void Code_that_is_not_exactly_one_template_literal_is_not_parsed(string code)
    {
        Assert.Null(JsTemplate.ParseLiteral(code));
    }

    [Fact]
    public void An_unclosed_part_is_not_a_template()
    {
        Assert.Null(JsTemplate.Split("a ${b"));
    }
}
