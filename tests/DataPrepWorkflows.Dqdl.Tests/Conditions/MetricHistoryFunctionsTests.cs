using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Tests.Conditions;

public sealed class MetricHistoryFunctionsTests
{
    // Oldest first: the most recent earlier run measured 50.
    private static readonly MetricHistoryFunctions History = new([10, 20, 30, 40, 50]);

    [Theory]
    [InlineData("RowCount = avg(last(2))", 45)]
    [InlineData("RowCount = average(last(10))", 30)]
    [InlineData("RowCount = min(last(3))", 30)]
    [InlineData("RowCount = max(last(5))", 50)]
    [InlineData("RowCount = sum(last(2))", 90)]
    [InlineData("RowCount = index(last(5), 0)", 50)]
    [InlineData("RowCount = index(last(5), 4)", 10)]
    [InlineData("RowCount = std(last(2))", 5)]
    [InlineData("RowCount = 0.5 * max(last(5)) + 1", 26)]
    [InlineData("RowCount = avg(last(2)) - min(last(2))", 5)]
    public void Functions_evaluate_over_the_history(string rule, double expected)
    {
        var condition = Condition(rule);

        Assert.True(condition.Matches(expected, History.Evaluate), $"{rule} should equal {expected}");
    }

    [Fact]
    public void Functions_over_no_history_meet_no_comparison()
    {
        var empty = new MetricHistoryFunctions([]);

        Assert.False(Condition("RowCount > avg(last(3))").Matches(10, empty.Evaluate));
        Assert.False(Condition("RowCount = index(last(3), 5)").Matches(10, History.Evaluate));
    }

    [Theory]
    [InlineData("RowCount > median(last(3))")]
    [InlineData("RowCount > last(3)")]
    [InlineData("RowCount > avg(last(1.5))")]
    [InlineData("RowCount > index(last(3))")]
    public void Unknown_functions_and_bad_arguments_are_reported(string rule)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Condition(rule).Matches(1, History.Evaluate));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static NumberCondition Condition(string rule)
    {
        var result = DqdlDocument.Parse($"Rules = [ {rule} ]");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assert.IsType<NumberCondition>(((DqRule)result.Document!.Rules[0]).Condition);
    }
}
