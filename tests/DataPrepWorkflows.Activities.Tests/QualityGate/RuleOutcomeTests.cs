using DataPrepWorkflows.Activities.QualityGate;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>Every rule type against <see cref="DqFixture.People"/>, passing and failing, with hand-computed outcomes.</summary>
public sealed class RuleOutcomeTests : IDisposable
{
    private readonly DqFixture _fixture = new();

    [Theory]
    [InlineData("RowCount = 5", true)]
    [InlineData("RowCount > 5", false)]
    [InlineData("RowCount = 3 where \"country = 'US'\"", true)]
    [InlineData("ColumnCount = 7", true)]
    [InlineData("ColumnCount < 7", false)]
    [InlineData("Completeness \"age\" = 0.8", true)]
    [InlineData("Completeness \"age\" > 0.8", false)]
    [InlineData("Completeness \"age\" > 0.6 where \"country = 'US'\"", true)]
    [InlineData("Completeness \"age\" = 1.0 where \"country = 'US'\"", false)]
    [InlineData("IsComplete \"id\"", true)]
    [InlineData("IsComplete \"age\"", false)]
    [InlineData("IsComplete \"age\" where \"country = 'FR'\"", true)]
    [InlineData("ColumnExists \"age\"", true)]
    [InlineData("ColumnExists \"zip\"", false)]
    [InlineData("ColumnNamesMatchPattern \"[a-z]+\"", true)]
    [InlineData("ColumnNamesMatchPattern \"[a-m]+\"", false)]
    [InlineData("Uniqueness \"id\" = 1.0", true)]
    [InlineData("Uniqueness \"age\" = 0.5", true)]
    [InlineData("Uniqueness \"country\" = 0.4", true)]
    [InlineData("Uniqueness \"country\" \"age\" = 1.0", true)]
    [InlineData("IsUnique \"id\"", true)]
    [InlineData("IsUnique \"country\"", false)]
    [InlineData("IsUnique \"country\" where \"id > 3\"", true)]
    [InlineData("IsPrimaryKey \"id\"", true)]
    [InlineData("IsPrimaryKey \"age\"", false)]
    [InlineData("IsPrimaryKey \"name\" \"age\"", false)]
    [InlineData("DistinctValuesCount \"age\" = 3", true)]
    [InlineData("DistinctValuesCount \"country\" > 3", false)]
    [InlineData("UniqueValueRatio \"country\" between 0.6 and 0.7", true)]
    [InlineData("Mean \"age\" = 38.25", true)]
    [InlineData("Mean \"age\" < 38", false)]
    [InlineData("Sum \"age\" = 153", true)]
    [InlineData("Sum \"age\" = 49 where \"age < 40\"", false)]
    [InlineData("Sum \"age\" = 83 where \"age < 40\"", true)]
    [InlineData("StandardDeviation \"score\" between 11.01 and 11.02", true)]
    [InlineData("Variance \"score\" between 121.29 and 121.3", true)]
    [InlineData("Entropy \"country\" between 0.95 and 0.951", true)]
    [InlineData("ColumnCorrelation \"id\" and \"score\" > 0.99", true)]
    [InlineData("ColumnCorrelation \"id\" and \"score\" < 0", false)]
    [InlineData("ColumnLength \"name\" = 3", true)]
    [InlineData("ColumnLength \"email\" between 5 and 10", false)]
    [InlineData("ColumnLength \"email\" between 4 and 10 where \"email IS NOT NULL\"", true)]
    [InlineData("ColumnValues \"age\" between 15 and 70 with threshold >= 0.4", true)]
    [InlineData("ColumnValues \"age\" between 15 and 70 with threshold > 0.4", false)]
    [InlineData("ColumnValues \"age\" between 14 and 71", false)]
    [InlineData("ColumnValues \"age\" in [34,70,15,NULL]", true)]
    [InlineData("ColumnValues \"age\" in [34,70,15]", false)]
    [InlineData("ColumnValues \"age\" > 10 where \"age IS NOT NULL\"", true)]
    [InlineData("ColumnValues \"country\" in [\"US\",\"FR\",\"DE\"]", true)]
    [InlineData("ColumnValues \"country\" not in [\"DE\"]", false)]
    [InlineData("ColumnValues \"country\" matches \"[A-Z]{2}\"", true)]
    [InlineData("ColumnValues \"email\" matches \".+@.+\\.com\" with threshold = 0.6", true)]
    [InlineData("ColumnValues \"email\" matches \".+@.+\\.com\"", false)]
    [InlineData("ColumnValues \"email\" != NULL with threshold > 0.7", true)]
    [InlineData("ColumnValues \"joined\" > \"2026-01-01\" with threshold = 0.6", true)]
    [InlineData("ColumnValues \"joined\" <= now()", true)]
    [InlineData("ColumnValues \"joined\" > (now() - 30 days)", false)]
    [InlineData("DataFreshness \"joined\" <= 50 days", true)]
    [InlineData("DataFreshness \"joined\" <= 30 days", false)]
    [InlineData("DataFreshness \"joined\" <= 30 days where \"country = 'US'\"", true)]
    [InlineData("ColumnDataType \"age\" = \"INTEGER\"", true)]
    [InlineData("ColumnDataType \"name\" = \"String\"", true)]
    [InlineData("ColumnDataType \"email\" = \"INTEGER\"", false)]
    [InlineData("ColumnDataType \"email\" in [\"INTEGER\",\"BOOLEAN\"] with threshold < 0.1", true)]
    [InlineData("CustomSql \"select count(*) from primary where age > 30\" = 3", true)]
    [InlineData("CustomSql \"select count(*) from primary where age > 30\" > 3", false)]
    [InlineData("CustomSql \"select id from primary where age is not null\" with threshold > 0.7", true)]
    [InlineData("CustomSql \"select id from primary where age is not null\"", false)]
    [InlineData("(IsComplete \"id\") and (IsComplete \"age\")", false)]
    [InlineData("(IsComplete \"id\") or (IsComplete \"age\")", true)]
    [InlineData("(IsComplete \"age\") or ((RowCount = 5) and (ColumnCount = 7))", true)]
    public async Task Rule_HasHandComputedOutcome(string rule, bool passes)
    {
        var result = await _fixture.RuleAsync(rule);

        Assert.True(result.Outcome != DataQualityOutcome.Error, result.FailureReason);
        Assert.Equal(passes ? DataQualityOutcome.Passed : DataQualityOutcome.Failed, result.Outcome);
        Assert.Equal(passes, result.FailureReason is null);
    }

    [Theory]
    [InlineData("RowCount between 5 and 10", false)]
    [InlineData("RowCount between 4 and 5", false)]
    [InlineData("RowCount between 4 and 6", true)]
    [InlineData("RowCount not between 5 and 10", true)]
    [InlineData("RowCount not between 4 and 6", false)]
    [InlineData("RowCount = 5", true)]
    [InlineData("RowCount = 5.0", true)]
    [InlineData("RowCount != 5", false)]
    [InlineData("RowCount >= 5", true)]
    [InlineData("RowCount <= 4", false)]
    [InlineData("RowCount in [1,5,9]", true)]
    [InlineData("RowCount not in [5]", false)]
    [InlineData("RowCount = 2 + 3", true)]
    [InlineData("Completeness \"age\" between 0.8 and 0.9", false)]
    [InlineData("Completeness \"age\" = 0.8000000000000002", false)]
    [InlineData("Mean \"age\" not between 40 and 38", true)]
    public async Task ConditionSemantics_FollowGlue(string rule, bool passes)
    {
        var result = await _fixture.RuleAsync(rule);

        Assert.Equal(passes ? DataQualityOutcome.Passed : DataQualityOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task Results_CarryGlueMetricNamesAndValues()
    {
        var report = await _fixture.EvaluateAsync(
            """
            Rules = [
                RowCount = 5,
                Completeness "age" > 0.9,
                Uniqueness "country" "age" > 0,
                ColumnLength "email" > 0,
                ColumnValues "age" between 15 and 70,
                Mean "age" > 0,
                CustomSql "select count(*) from primary" = 5,
                IsPrimaryKey "id"
            ]
            """,
            _fixture.Write("people.csv", DqFixture.People));

        var metrics = report.Results.Select(r => r.EvaluatedMetrics).ToList();
        Assert.Equal(5.0, metrics[0]["Dataset.*.RowCount"]);
        Assert.Equal(0.8, metrics[1]["Column.age.Completeness"]);
        Assert.Equal("Value: 0.8 does not meet the constraint requirement!", report.Results[1].FailureReason);
        Assert.Equal("Completeness \"age\" > 0.9", report.Results[1].Rule);
        Assert.Equal(1.0, metrics[2]["Multicolumn.country,age.Uniqueness"]);
        Assert.Equal(5.0, metrics[3]["Column.email.MinimumLength"]);
        Assert.Equal(9.0, metrics[3]["Column.email.MaximumLength"]);
        Assert.Equal(0.4, metrics[4]["Column.age.ColumnValues.Compliance"]);
        Assert.Equal(15.0, metrics[4]["Column.age.Minimum"]);
        Assert.Equal(70.0, metrics[4]["Column.age.Maximum"]);
        Assert.Equal(38.25, metrics[5]["Column.age.Mean"]);
        Assert.Equal(5.0, metrics[6]["Dataset.*.CustomSQL"]);
        Assert.Equal(1.0, metrics[7]["Column.id.Completeness"]);
        Assert.Equal(1.0, metrics[7]["Column.id.Uniqueness"]);
        Assert.Equal((5, 3, 0), (report.Passed, report.Failed, report.Errors));
        Assert.Equal(0.625, report.Score);
    }

    [Fact]
    public async Task Entropy_IsNaturalLogOverRows()
    {
        var result = await _fixture.RuleAsync("Entropy \"country\" > 0");

        var expected = -((0.6 * Math.Log(0.6)) + (2 * 0.2 * Math.Log(0.2)));
        Assert.Equal(expected, result.EvaluatedMetrics["Column.country.Entropy"], 12);
    }

    [Theory]
    [InlineData("Completeness \"zip\" > 0.5", "Column 'zip' does not exist")]
    [InlineData("Mean \"name\" > 0", "needs a numeric column")]
    [InlineData("RowCount > 0 where \"no_such_column = 1\"", "no_such_column")]
    [InlineData("CustomSql \"select id from primary\" > 1", "must return one number")]
    [InlineData("CustomSql \"select nonsense from nowhere\" > 1", "CustomSql statement failed")]
    [InlineData("ColumnDataType \"age\" = \"Geometry\"", "does not know the type")]
    [InlineData("RowCountMatch \"missing\" > 0.5", "reference dataset 'missing' was not given")]
    public async Task Rule_ThatCannotBeEvaluated_IsAnErrorWithItsReason(string rule, string reason)
    {
        var result = await _fixture.RuleAsync(rule);

        Assert.Equal(DataQualityOutcome.Error, result.Outcome);
        Assert.Contains(reason, result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorInOneRule_LeavesTheOthersEvaluated()
    {
        var report = await _fixture.EvaluateAsync(
            "Rules = [ RowCount = 5, Sum \"age\" > 0 where \"bad syntax ((\", Completeness \"age\" = 0.8, (IsComplete \"id\") and (IsComplete \"nope\") ]",
            _fixture.Write("people.csv", DqFixture.People));

        Assert.Equal(
            [DataQualityOutcome.Passed, DataQualityOutcome.Error, DataQualityOutcome.Passed, DataQualityOutcome.Error],
            report.Results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Analyzers_ComputeMetricsWithoutOutcomes()
    {
        var report = await _fixture.EvaluateAsync(
            "Rules = [ RowCount > 0 ] Analyzers = [ AllStatistics \"age\", Completeness \"email\", RowCount ]",
            _fixture.Write("people.csv", DqFixture.People));

        Assert.Equal(38.25, report.AnalyzerMetrics["Column.age.Mean"]);
        Assert.Equal(0.8, report.AnalyzerMetrics["Column.age.Completeness"]);
        Assert.Equal(3.0, report.AnalyzerMetrics["Column.age.DistinctValuesCount"]);
        Assert.Equal(70.0, report.AnalyzerMetrics["Column.age.Maximum"]);
        Assert.Equal(0.8, report.AnalyzerMetrics["Column.email.Completeness"]);
        Assert.Equal(5.0, report.AnalyzerMetrics["Dataset.*.RowCount"]);
        Assert.Single(report.Results);
    }

    public void Dispose() => _fixture.Dispose();
}
