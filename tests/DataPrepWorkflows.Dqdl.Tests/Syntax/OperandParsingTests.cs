using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Tests.Syntax;

public sealed class OperandParsingTests
{
    [Fact]
    public void List_item_may_contain_an_escaped_rule()
    {
        var condition = StringConditionOf("ColumnValues \"col-A\" in [ \"ColumnValues in [ \\\"col-A\\\" ]\" ]");

        Assert.Equal(["ColumnValues in [ \"col-A\" ]"], condition.Operands.Cast<QuotedStringOperand>().Select(o => o.Value));
    }

    [Fact]
    public void List_items_keep_escaped_quotes_and_commas()
    {
        Assert.Equal(
            ["a\"b", "c", "d\"e"],
            StringConditionOf("ColumnValues \"col-A\" in [\"a\\\"b\", \"c\", \"d\\\"e\"]").Operands.Cast<QuotedStringOperand>().Select(o => o.Value));
        Assert.Equal(
            ["a,,b", "c", "d,,,e"],
            StringConditionOf("ColumnValues \"col-A\" in [\"a,,b\", \"c\", \"d,,,e\"]").Operands.Cast<QuotedStringOperand>().Select(o => o.Value));
    }

    [Fact]
    public void Date_list_keeps_each_expression()
    {
        var rule = Parse("ColumnValues \"col-A\" in [ now(), (now() - 4 days), \"2023-01-01\", \"2023-02-01\"]");

        Assert.Equal(
            ["now()", "(now() - 4 days)", "\"2023-01-01\"", "\"2023-02-01\""],
            Assert.IsType<DateCondition>(rule.Condition).Operands.Select(o => o.ToString()));
    }

    [Fact]
    public void Parameters_keep_their_text_between_the_quotes_unprocessed()
    {
        var rule = Parse("IsPrimaryKey colA \"col\\\"B\" \"col C\"");

        Assert.Equal(["colA", "col\\\"B", "col C"], rule.ParameterValues("TargetColumn"));
    }

    [Fact]
    public void Positions_are_one_based_lines_and_columns()
    {
        var document = DqdlDocument.Parse("Rules = [\n  RowCount > 0,\n    IsComplete \"a\"\n]").Document!;

        Assert.Equal(new SourcePosition(2, 3), document.Rules[0].Position);
        Assert.Equal(new SourcePosition(3, 5), document.Rules[1].Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Rules")]
    [InlineData("Rules = [ (")]
    [InlineData("Rules = [ RowCount > (now() - ]")]
    [InlineData("Rules = [ ColumnValues \"a\" in [ ]")]
    [InlineData("\"")]
    [InlineData("Rules = [ RowCount between 1 ]")]
    [InlineData("Rules = [ RowCount > avg(last(10) ]")]
    [InlineData("x = \nRules = [ RowCount > 0 ]")]
    [InlineData("Rules = [ RowCount > 99999999999999999999 days ]")]
    [InlineData("Rules = [ IsComplete \"a\" labels=[\"k\"] ]")]
    [InlineData("DataSources = { \"Primary\" }\nRules = [ RowCount > 0 ]")]
    public void Broken_text_gives_diagnostics_not_exceptions(string text)
    {
        var result = DqdlDocument.Parse(text);

        Assert.False(result.Success);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
    }

    private static StringCondition StringConditionOf(string rule) => Assert.IsType<StringCondition>(Parse(rule).Condition);

    private static DqRule Parse(string rule)
    {
        var result = DqdlDocument.Parse($"Rules = [ {rule} ]");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assert.IsType<DqRule>(Assert.Single(result.Document!.Rules));
    }
}
