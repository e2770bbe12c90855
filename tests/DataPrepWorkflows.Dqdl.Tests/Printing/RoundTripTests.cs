using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Tests.Printing;

public sealed class RoundTripTests
{
    public static TheoryData<string> Rules() => [.. TestFiles.RoundTripRules()];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Printing_a_parsed_rule_gives_the_rule_back_exactly(string rule)
    {
        var result = DqdlDocument.Parse($"Rules = [ {rule} ]");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var parsed = Assert.Single(result.Document!.Rules);
        Assert.Equal(rule, parsed.ToString());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Parsing_the_same_rule_twice_gives_equal_records(string rule)
    {
        var first = DqdlDocument.Parse($"Rules = [ {rule} ]").Document!;
        var second = DqdlDocument.Parse($"Rules = [ {rule} ]").Document!;

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Different_rules_are_not_equal()
    {
        var first = DqdlDocument.Parse("Rules = [ ColumnValues \"c\" in [1,2] ]").Document!.Rules[0];
        var second = DqdlDocument.Parse("Rules = [ ColumnValues \"c\" in [1,3] ]").Document!.Rules[0];

        Assert.NotEqual(first, second);
    }

    public static TheoryData<string> Analyzers() => [.. TestFiles.RoundTripAnalyzers()];

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Printing_a_parsed_analyzer_gives_the_analyzer_back_exactly(string analyzer)
    {
        var result = DqdlDocument.Parse($"Rules = [ IsComplete \"colA\" ] Analyzers = [ {analyzer} ]");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(analyzer, Assert.Single(result.Document!.Analyzers).ToString());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Printed_ruleset_is_a_fixed_point(string rule)
    {
        var first = DqdlDocument.Print(DqdlDocument.Parse($"Rules = [ {rule} ]").Document!);
        var second = DqdlDocument.Print(DqdlDocument.Parse(first).Document!);

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("Rules = [ Completeness   of   col_1   between 0.5   and 0.8 ]", "Completeness of col_1 between 0.5 and 0.8")]
    [InlineData("Rules = [ ColumnValues \"c\" in [ \"A\" , \"B\" ] ]", "ColumnValues \"c\" in [\"A\",\"B\"]")]
    [InlineData("Rules = [ (IsComplete \"a\") and (IsUnique \"a\") ]", "(IsComplete \"a\") AND (IsUnique \"a\")")]
    [InlineData("Rules = [ (IsComplete \"a\") or (IsUnique \"a\") ]", "(IsComplete \"a\") OR (IsUnique \"a\")")]
    [InlineData("Rules = [ (RowCount > 0) ]", "RowCount > 0")]
    [InlineData("Rules = [ RowCount = - 100 ]", "RowCount = -100")]
    [InlineData("Rules = [ ColumnValues \"c\" ! = 1 ]", "ColumnValues \"c\" != 1")]
    [InlineData("Rules = [ ColumnCount = avg( last( 10 ) ) ]", "ColumnCount = avg(last(10))")]
    [InlineData("Rules = [ RowCount > ((1 + 2)) ]", "RowCount > (1 + 2)")]
    [InlineData("Rules = [ RowCount > (5) ]", "RowCount > 5")]
    [InlineData("Rules = [ ColumnValues \"c\" in [ now() , ( now() - 3 hours ) ] ]", "ColumnValues \"c\" in [now(),(now() - 3 hours)]")]
    [InlineData("Rules = [ ColumnValues \"c\" = null ]", "ColumnValues \"c\" = NULL")]
    [InlineData("Rules = [ ColumnValues \"c\" in [\"a\", empty, whitespaces_only] ]", "ColumnValues \"c\" in [\"a\",EMPTY,WHITESPACES_ONLY]")]
    public void Printing_normalises_spacing_keywords_and_redundant_parentheses(string ruleset, string expected)
    {
        var result = DqdlDocument.Parse(ruleset);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, Assert.Single(result.Document!.Rules).ToString());
    }

    [Fact]
    public void And_binds_tighter_than_or_and_chains_nest_to_the_left()
    {
        var result = DqdlDocument.Parse("Rules = [ (RowCount > 0) or (IsComplete \"a\") and (IsUnique \"a\") and (ColumnExists \"b\") ]");

        var rule = Assert.IsType<DqCompositeRule>(Assert.Single(result.Document!.Rules));
        Assert.Equal(DqLogicalOperator.Or, rule.Operator);
        var and = Assert.IsType<DqCompositeRule>(rule.Right);
        Assert.IsType<DqCompositeRule>(and.Left);
        Assert.Equal(
            "(RowCount > 0) OR (((IsComplete \"a\") AND (IsUnique \"a\")) AND (ColumnExists \"b\"))",
            rule.ToString());
    }
}
