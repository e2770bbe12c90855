using DataPrepWorkflows.Activities.QualityGate;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>
/// Row-level rules read a column as the condition needs it (number, text or time) whatever the column's own type:
/// numbers held as text, numbers compared as text, a TIMESTAMP column.
/// </summary>
public sealed class ColumnTypeTests : IDisposable
{
    private const string Data = """
        id,code,at
        1,12,2026-01-10 08:00:00
        2,x,2026-01-14 12:30:00
        3,40,2025-12-01 00:00:00
        """;

    private readonly DqFixture _fixture = new();

    [Theory]
    [InlineData("ColumnValues \"code\" > 10 with threshold between 0.66 and 0.67", "Column.code.ColumnValues.Compliance", 2.0 / 3)]
    [InlineData("ColumnValues \"code\" in [\"12\",\"40\"] with threshold between 0.66 and 0.67", "Column.code.ColumnValues.Compliance", 2.0 / 3)]
    [InlineData("ColumnValues \"code\" not in [\"12\",\"40\"] with threshold between 0.33 and 0.34", "Column.code.ColumnValues.Compliance", 1.0 / 3)]
    [InlineData("ColumnValues \"id\" in [\"1\",\"3\"] with threshold between 0.66 and 0.67", "Column.id.ColumnValues.Compliance", 2.0 / 3)]
    [InlineData("ColumnValues \"id\" in [1,3,NULL] with threshold between 0.66 and 0.67", "Column.id.ColumnValues.Compliance", 2.0 / 3)]
    [InlineData("ColumnValues \"at\" > \"2026-01-01\" with threshold between 0.66 and 0.67", "Column.at.ColumnValues.Compliance", 2.0 / 3)]
    [InlineData("ColumnValues \"code\" > \"2026-01-01\" with threshold = 0", "Column.code.ColumnValues.Compliance", 0.0)]
    [InlineData("ColumnLength \"id\" = 1", "Column.id.ColumnLength.Compliance", 1.0)]
    [InlineData("DataFreshness \"at\" <= 46 days", "Column.at.DataFreshness.Compliance", 1.0)]
    public async Task Condition_ReadsTheColumnAsItNeeds(string rule, string metric, double compliance)
    {
        var result = await _fixture.RuleAsync(rule, _fixture.Write("typed.csv", Data));

        Assert.Equal(DataQualityOutcome.Passed, result.Outcome);
        Assert.Equal(compliance, result.EvaluatedMetrics[metric], 12);
    }

    [Fact]
    public async Task NumbersHeldAsText_GiveMinimumAndMaximumOfTheNumbers()
    {
        var result = await _fixture.RuleAsync("ColumnValues \"code\" > 10", _fixture.Write("typed.csv", Data));

        Assert.Equal(DataQualityOutcome.Failed, result.Outcome);
        Assert.Equal(12.0, result.EvaluatedMetrics["Column.code.Minimum"]);
        Assert.Equal(40.0, result.EvaluatedMetrics["Column.code.Maximum"]);
    }

    public void Dispose() => _fixture.Dispose();
}
