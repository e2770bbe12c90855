using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Tests.Conditions;

public sealed class NumberConditionTests
{
    [Theory]
    [InlineData("Completeness \"colA\" between 0.4 and 0.9", 0.5, true)]
    [InlineData("Completeness \"colA\" between 0.4 and 0.9", 0.3, false)]
    [InlineData("Completeness \"colA\" between 0.4 and 0.9", 0.91, false)]
    [InlineData("Completeness \"colA\" between 0.4 and 0.9", 0.4, false)]
    [InlineData("Completeness \"colA\" between 0.4 and 0.9", 0.9, false)]
    [InlineData("Completeness \"colA\" not between 0.4 and 0.9", 0.4, true)]
    [InlineData("Completeness \"colA\" not between 0.4 and 0.9", 0.5, false)]
    [InlineData("ColumnCorrelation \"colA\" \"colB\" between -0.2 and 1.0", 0.9, true)]
    [InlineData("ColumnCorrelation \"colA\" \"colB\" between -0.2 and 1.0", -0.19, true)]
    [InlineData("ColumnCorrelation \"colA\" \"colB\" between -0.2 and 1.0", -0.2001, false)]
    [InlineData("ColumnCorrelation \"colA\" \"colB\" not between -0.4 and -0.5", -0.41, true)]
    [InlineData("Completeness \"colA\" >= 0.4", 0.4, true)]
    [InlineData("Completeness \"colA\" >= 0.4", 0.39, false)]
    [InlineData("Completeness \"colA\" >= 0.4", 1.0, true)]
    [InlineData("Uniqueness \"colA\" > 0.4", 0.41, true)]
    [InlineData("Uniqueness \"colA\" > 0.4", 0.4, false)]
    [InlineData("Uniqueness \"colA\" > 0.4", -0.4, false)]
    [InlineData("UniqueValueRatio \"colA\" < -0.4", 100.9, false)]
    [InlineData("UniqueValueRatio \"colA\" < -0.4", -0.5, true)]
    [InlineData("UniqueValueRatio \"colA\" < -0.4", -0.41, true)]
    [InlineData("Entropy \"colA\" <= 0.678", 0.679, false)]
    [InlineData("Entropy \"colA\" <= 0.678", 0.677, true)]
    [InlineData("Entropy \"colA\" <= 0.678", -0.1, true)]
    [InlineData("StandardDeviation \"colA\" = 10.0", 10.0, true)]
    [InlineData("StandardDeviation \"colA\" = -10000.0", -10000.0, true)]
    [InlineData("StandardDeviation \"colA\" = 99.34", 99.35, false)]
    [InlineData("Completeness \"colA\" = 1.0", 0.9999999999999999, false)]
    [InlineData("Completeness \"colA\" != 1.0", 0.9999999999999999, true)]
    [InlineData("ColumnValues \"colA\" in [1,2,3,4]", 3.999999, false)]
    [InlineData("ColumnValues \"colA\" in [1,2,3,4]", 4.0, true)]
    [InlineData("ColumnValues \"colA\" not in [1,2,3,4]", 3.999999, true)]
    [InlineData("RowCount > 10 * 1.5 - 2", 13.5, true)]
    [InlineData("RowCount > 2 + 3 * 4", 19.0, false)] // one precedence level, left to right: (2 + 3) * 4
    [InlineData("RowCount > 2 + 3 * 4", 21.0, true)]
    [InlineData("RowCount > 2 + (3 * 4)", 13.0, false)]
    [InlineData("RowCount > 2 + (3 * 4)", 14.5, true)]
    public void Condition_matches_with_glue_semantics(string rule, double metric, bool expected)
    {
        Assert.Equal(expected, Condition(rule).Matches(metric));
    }

    [Theory]
    [InlineData("ColumnValues \"colA\" in [ \"A\", \"B\"] with threshold between 0.4 and 0.9", 0.5, true)]
    [InlineData("ColumnValues \"colA\" in [ \"A\", \"B\"] with threshold > 0.6", 0.59, false)]
    [InlineData("ColumnValues \"colA\" in [ \"A\", \"B\"] with threshold >= 0.5", 0.5, true)]
    [InlineData("ColumnValues \"colA\" in [ \"A\", \"B\"] with threshold < 0.333", 0.334, false)]
    [InlineData("ColumnValues \"colA\" in [ \"A\", \"B\"] with threshold <= 0.333", 0.3, true)]
    [InlineData("ColumnValues \"colA\" in [ \"A\", \"B\"] with threshold = 0.2", 0.2, true)]
    [InlineData("ColumnValues \"colA\" matches \"[a-zA-Z]\" with threshold between 0.4 and 0.9", 0.5, true)]
    [InlineData("ColumnValues \"colA\" matches \"[a-zA-Z]\" with threshold > 0.6", 0.59, false)]
    [InlineData("ColumnValues \"colA\" matches \"[a-zA-Z]\" with threshold >= 0.5", 0.5, true)]
    [InlineData("ColumnValues \"colA\" matches \"[a-zA-Z]\" with threshold < 0.333", 0.332, true)]
    [InlineData("ColumnValues \"colA\" matches \"[a-zA-Z]\" with threshold <= 0.333", 0.3, true)]
    [InlineData("ColumnValues \"colA\" matches \"[a-zA-Z]\" with threshold = 0.2", 0.2, true)]
    [InlineData("ColumnValues \"Customer_ID\" in [1,2,3,4,5,6,7,8,9] with threshold > 0.98", 0.979, false)]
    public void Threshold_condition_matches_the_passing_fraction(string rule, double fraction, bool expected)
    {
        Assert.Equal(expected, ParseRule(rule).Threshold!.Matches(fraction));
    }

    [Theory]
    [InlineData("Sum \"c\" = NULL", null, true)]
    [InlineData("ColumnValues \"c\" in [1,2,NULL]", null, true)]
    [InlineData("ColumnValues \"c\" in [1,2]", null, false)]
    [InlineData("ColumnValues \"c\" not in [1,2]", null, true)]
    [InlineData("ColumnValues \"c\" > 0", null, false)]
    [InlineData("ColumnValues \"c\" between 0 and 10", null, false)]
    [InlineData("ColumnValues \"c\" not between 0 and 10", null, true)]
    [InlineData("ColumnValues \"c\" in [1,2,NULL]", 2.0, true)]
    public void Missing_values_only_meet_null_operands(string rule, double? value, bool expected)
    {
        Assert.Equal(expected, Condition(rule).Matches(value));
    }

    [Fact]
    public void Dynamic_conditions_evaluate_functions_through_the_callers_evaluator()
    {
        var condition = Condition("RowCount between (0.9 * avg(last(10))) and 1.1 * avg(last(10))");
        double? Average(FunctionCallOperand call) => call.Name == "avg" ? 100 : throw new InvalidOperationException(call.Name);

        Assert.True(condition.IsDynamic);
        Assert.True(condition.Matches(105, Average));
        Assert.False(condition.Matches(111, Average));
        Assert.False(condition.Matches(90, Average));
        Assert.Throws<InvalidOperationException>(() => condition.Matches(100));
    }

    [Fact]
    public void Function_calls_keep_their_arguments()
    {
        var call = Assert.IsType<FunctionCallOperand>(Condition("RowCount > index(last(5), 1)").Operands[0]);

        Assert.Equal("index", call.Name);
        Assert.Equal("last(5)", call.Arguments[0].ToString());
        Assert.Equal(1.0, Assert.IsType<AtomicNumberOperand>(call.Arguments[1]).Value);
    }

    private static NumberCondition Condition(string rule) => Assert.IsType<NumberCondition>(ParseRule(rule).Condition);

    private static DqRule ParseRule(string rule)
    {
        var result = DqdlDocument.Parse($"Rules = [ {rule} ]");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assert.IsType<DqRule>(Assert.Single(result.Document!.Rules));
    }
}
