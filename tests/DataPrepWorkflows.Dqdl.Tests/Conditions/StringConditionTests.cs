using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Tests.Conditions;

public sealed class StringConditionTests
{
    [Theory]
    [InlineData("= \"A\"", "A", true)]
    [InlineData("= \"A\"", "a", false)]
    [InlineData("= \"A\"", null, false)]
    [InlineData("!= \"A\"", null, true)]
    [InlineData("= NULL", null, true)]
    [InlineData("= NULL", "", false)]
    [InlineData("!= NULL", "x", true)]
    [InlineData("= EMPTY", "", true)]
    [InlineData("= EMPTY", " ", false)]
    [InlineData("= EMPTY", null, false)]
    [InlineData("= WHITESPACES_ONLY", " \t", true)]
    [InlineData("= WHITESPACES_ONLY", "", false)]
    [InlineData("= WHITESPACES_ONLY", " a ", false)]
    [InlineData("!= WHITESPACES_ONLY", "a", true)]
    [InlineData("in [\"a\",\"b\"]", "b", true)]
    [InlineData("in [\"a\",\"b\"]", "c", false)]
    [InlineData("in [\"a\",NULL]", null, true)]
    [InlineData("not in [\"a\",NULL]", null, false)]
    [InlineData("not in [NULL,EMPTY,WHITESPACES_ONLY]", "value", true)]
    [InlineData("not in [NULL,EMPTY,WHITESPACES_ONLY]", "  ", false)]
    [InlineData("in [\"a\\\"b\",\"c\"]", "a\"b", true)]
    [InlineData("matches \"[a-z]+\"", "abc", true)]
    [InlineData("matches \"[a-z]+\"", "abc1", false)]
    [InlineData("matches \"[a-z]+\"", "1abc", false)]
    [InlineData("matches \"[a-z]+\"", null, false)]
    [InlineData("not matches \"[a-z]+\"", "abc1", true)]
    [InlineData("not matches \"[a-z]+\"", null, true)]
    [InlineData("matches \"a|b\"", "ab", false)]
    [InlineData("matches \"\\d{3}-\\d{4}\"", "555-1234", true)]
    public void Condition_matches_values(string condition, string? value, bool expected)
    {
        var rule = DqdlDocument.Parse($"Rules = [ ColumnValues \"c\" {condition} ]").Document!.Rules[0];

        Assert.Equal(expected, Assert.IsType<StringCondition>(((DqRule)rule).Condition).Matches(value));
    }

    [Fact]
    public void Quoted_operand_built_from_a_value_round_trips()
    {
        var operand = QuotedStringOperand.FromValue("say \"hi\" \\d");

        Assert.Equal("\"say \\\"hi\\\" \\d\"", operand.ToString());
        Assert.Equal("say \"hi\" \\d", operand.Value);
    }
}
