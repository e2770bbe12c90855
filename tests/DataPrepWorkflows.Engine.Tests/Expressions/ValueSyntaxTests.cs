using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Tests.Expressions;

public sealed class ValueSyntaxTests
{
    [Theory]
    [InlineData("=inputs.rows", ValueKind.Expression, "inputs.rows")]
    [InlineData("==a=b", ValueKind.Literal, "=a=b")]
    [InlineData("s3://${inputs.bucket}", ValueKind.Template, "s3://${inputs.bucket}")]
    [InlineData("plain", ValueKind.Literal, "plain")]
    [InlineData("", ValueKind.Literal, "")]
    public void Strings_are_classified_by_their_prefix_and_interpolation(string value, ValueKind kind, string text)
    {
        Assert.Equal(kind, ValueSyntax.Classify(value, out var body));
        Assert.Equal(text, body);
    }

    [Fact]
    public void Json_values_are_classified_and_nested_dynamic_parts_found_with_pointers()
    {
        var value = JsonNode.Parse("""{"a": "=x", "b/c": ["lit", "${y}"], "d": 1}""");

        Assert.Equal(ValueKind.Object, ValueSyntax.Classify(value));
        Assert.Equal(ValueKind.Array, ValueSyntax.Classify(value!["b/c"]));
        Assert.Equal(ValueKind.Literal, ValueSyntax.Classify(value["d"]));
        Assert.True(ValueSyntax.IsDynamic(value));
        Assert.Equal(
            [new DynamicPart("/a", ValueKind.Expression, "x"), new DynamicPart("/b~1c/1", ValueKind.Template, "${y}")],
            ValueSyntax.FindDynamicParts(value));
    }
}
