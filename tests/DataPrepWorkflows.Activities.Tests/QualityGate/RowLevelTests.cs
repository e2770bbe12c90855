using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>Row-level outcomes: passing rows and quarantined rows with the rules each failed.</summary>
public sealed class RowLevelTests : IDisposable
{
    private readonly DqFixture _fixture = new();

    [Fact]
    public async Task FailingRows_GoToQuarantineWithTheRulesTheyFailed()
    {
        var passing = Path.Combine(_fixture.Root, "out", "passing.csv");
        var failing = Path.Combine(_fixture.Root, "out", "failing.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(passing)!);

        var report = await _fixture.EvaluateAsync(
            """
            Rules = [
                IsComplete "age",
                ColumnValues "country" in ["US","FR"],
                RowCount > 0,
                IsUnique "email",
                ColumnValues "age" > 20 where "country = 'US'"
            ]
            """,
            _fixture.Write("people.csv", DqFixture.People),
            options: new DataQualityOptions { PassingOutput = passing, FailingOutput = failing });

        // Row 2 has no age, row 4 is a US 15-year-old, row 5 is in DE; rows outside a where clause meet that rule.
        Assert.Equal(new DataQualityRowOutputs(passing, failing, 2, 3), report.RowOutputs);
        using var session = DuckDbSession.Open();
        var kept = await session.QueryAsync($"SELECT id FROM read_csv('{passing}') ORDER BY id");
        Assert.Equal([1L, 3L], kept.Rows.Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        var quarantined = await session.QueryAsync(
            $"SELECT id, DataQualityRulesFail, DataQualityEvaluationResult, len(DataQualityRulesPass) FROM '{failing}' ORDER BY id");
        Assert.Equal(3, quarantined.Rows.Count);
        Assert.Equal(new object[] { "IsComplete \"age\"", "ColumnValues \"age\" > 20 where \"country = 'US'\"" }, (object?[])quarantined.Rows[0][1]!);
        Assert.Equal(new object[] { "ColumnValues \"age\" > 20 where \"country = 'US'\"" }, (object?[])quarantined.Rows[1][1]!);
        Assert.Equal(new object[] { "ColumnValues \"country\" in [\"US\",\"FR\"]" }, (object?[])quarantined.Rows[2][1]!);
        Assert.All(quarantined.Rows, r => Assert.Equal("Failed", r[2]));
        Assert.Equal(3L, Convert.ToInt64(quarantined.Rows[2][3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CompositeAndCustomSqlRules_AreRowLevelToo()
    {
        var failing = Path.Combine(_fixture.Root, "failing.csv");

        var report = await _fixture.EvaluateAsync(
            """
            Rules = [
                (IsComplete "email") or (ColumnValues "country" = "FR"),
                CustomSql "select id from primary where score is not null" with threshold > 0.5
            ]
            """,
            _fixture.Write("people.csv", DqFixture.People),
            options: new DataQualityOptions { FailingOutput = failing });

        // Row 3 has no email but is in FR, so the composite holds; row 5 has no score.
        Assert.Equal(4, report.RowOutputs!.PassingRows);
        Assert.Equal(1, report.RowOutputs.FailingRows);
        Assert.Contains("5,Eve", await File.ReadAllTextAsync(failing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRowLevelRules_EveryRowPasses()
    {
        var passing = Path.Combine(_fixture.Root, "passing.csv");

        var report = await _fixture.EvaluateAsync("RowCount = 4", _fixture.Write("people.csv", DqFixture.People),
            options: new DataQualityOptions { PassingOutput = passing });

        Assert.Equal(DataQualityOutcome.Failed, report.Results[0].Outcome);
        Assert.Equal(5, report.RowOutputs!.PassingRows);
        Assert.Equal(6, File.ReadAllLines(passing).Length);
    }

    public void Dispose() => _fixture.Dispose();
}
