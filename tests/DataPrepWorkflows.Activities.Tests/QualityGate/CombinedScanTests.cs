using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>
/// The one-statement computation of a metric plan against the statement-per-part way it replaces: same values,
/// and the fallback to the old way when the one statement fails.
/// </summary>
public sealed class CombinedScanTests : IDisposable
{
    private const string Rules = """
        Rules = [
            RowCount = 5,
            Completeness "age" > 0.5 where "country = 'US'",
            IsUnique "id",
            Uniqueness "country" > 0.1,
            Entropy "country" > 0,
            DistinctValuesCount "age" = 3,
            ColumnValues "country" in ["US","FR"] with threshold > 0.5,
            ColumnValues "age" between 14 and 71,
            ColumnValues "joined" > "2026-01-01" with threshold > 0.5,
            ColumnLength "email" between 4 and 10,
            Mean "score" > 0,
            StandardDeviation "age" > 0,
            ColumnCorrelation "id" and "score" > 0,
            CustomSql "select count(*) from primary where age > 30" = 3,
            CustomSql "select id from primary where age is not null" with threshold > 0.7,
            CustomSql "select id, name from primary where id = 1" = 1,
            CustomSql "select id from primary where false" = 1,
            CustomSql "select count(*), count(*) from primary" = 5,
            CustomSql "select count(*) from primary -- every row" = 5,
            CustomSql "select nonsense from nowhere" > 1
        ]
        """;

    private readonly DqFixture _fixture = new();

    [Fact]
    public async Task OneStatement_GivesTheValuesOfOneStatementPerPart()
    {
        using var session = DuckDbSession.Open();
        var primary = await PrimarySource.OpenAsync(
            session, session.Open(_fixture.Write("people.csv", DqFixture.People)), needsTable: false, CancellationToken.None);
        var plan = Compile(Rules, primary);

        var combined = await CombinedScan.TryRunAsync(session, plan, primary.Relation, CancellationToken.None);
        await primary.MaterializeAsync(CancellationToken.None);
        var separate = await PlanExecutor.RunEachAsync(session, plan, CancellationToken.None);

        Assert.NotNull(combined);
        Assert.True(plan.Queries.Count >= 9, $"{plan.Queries.Count} queries");
        for (var i = 0; i < plan.Aggregates.Count; i++)
        {
            var key = new MetricKey(false, i);
            Assert.Equal(separate.Number(key), combined.Number(key));
        }

        for (var i = 0; i < plan.Queries.Count; i++)
        {
            var (expected, actual) = (separate.Outcome(new MetricKey(true, i)), combined.Outcome(new MetricKey(true, i)));
            Assert.Equal(expected.Error is null, actual.Error is null);
            Assert.Equal((expected.RowCount, expected.Columns.Count), (actual.RowCount, actual.Columns.Count));
            Assert.Equal(expected.Row?.Select(DqSql.ToDouble), actual.Row?.Select(DqSql.ToDouble));
        }
    }

    [Fact]
    public async Task OneStatement_AndTheTablePath_JudgeEveryRuleAlike()
    {
        var data = _fixture.Write("people.csv", DqFixture.People);
        var quarantine = Path.Combine(_fixture.Root, "bad.csv");

        // Row-level outputs read the data into a table first; without them the file is read by the one statement.
        var viaFile = await _fixture.EvaluateAsync(Rules, data);
        var viaTable = await _fixture.EvaluateAsync(Rules, data, options: new DataQualityOptions { FailingOutput = quarantine });

        Assert.Equal(
            viaTable.Results.Select(r => (r.Rule, r.Outcome, r.FailureReason, string.Join(";", r.EvaluatedMetrics.Select(m => $"{m.Key}={m.Value:R}")))),
            viaFile.Results.Select(r => (r.Rule, r.Outcome, r.FailureReason, string.Join(";", r.EvaluatedMetrics.Select(m => $"{m.Key}={m.Value:R}")))));
        Assert.Equal(
            [DataQualityOutcome.Error, DataQualityOutcome.Error, DataQualityOutcome.Error, DataQualityOutcome.Passed, DataQualityOutcome.Error],
            viaFile.Results.Skip(15).Select(r => r.Outcome));
        Assert.Contains("returned 1 row(s) of 2 column(s)", viaFile.Results[15].FailureReason, StringComparison.Ordinal);
        Assert.Contains("returned 0 row(s) of 1 column(s)", viaFile.Results[16].FailureReason, StringComparison.Ordinal);
        Assert.Contains("returned 1 row(s) of 2 column(s)", viaFile.Results[17].FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatementThatFailsWhileRunning_FallsBackToATableAndOnlyItsRuleErrs()
    {
        using var session = DuckDbSession.Open();
        var primary = await PrimarySource.OpenAsync(
            session, session.Open(_fixture.Write("people.csv", DqFixture.People)), needsTable: false, CancellationToken.None);
        // Binds, then fails on the first row whose name is no number.
        var plan = Compile("Rules = [ RowCount = 5, Sum \"age\" > 0 where \"CAST(name AS INTEGER) > 0\", Mean \"age\" > 38 ]", primary);

        var combined = await CombinedScan.TryRunAsync(session, plan, primary.Relation, CancellationToken.None);
        var values = await PlanExecutor.RunAsync(session, plan, primary, CancellationToken.None);

        Assert.Null(combined);
        Assert.Null(primary.Relation);
        Assert.Equal(5.0, values.Number(new MetricKey(false, 0)));
        Assert.Throws<RuleEvaluationException>(() => values.Number(new MetricKey(false, 1)));
        Assert.Equal(38.25, values.Number(new MetricKey(false, 2)));
    }

    [Fact]
    public async Task EvaluationWithABadWhereClause_StillEvaluatesTheOtherRules()
    {
        var report = await _fixture.EvaluateAsync(
            "Rules = [ RowCount = 5, Sum \"age\" > 0 where \"CAST(name AS INTEGER) > 0\", IsUnique \"id\", CustomSql \"select count(*) from primary\" = 5 ]",
            _fixture.Write("people.csv", DqFixture.People));

        Assert.Equal(
            [DataQualityOutcome.Passed, DataQualityOutcome.Error, DataQualityOutcome.Passed, DataQualityOutcome.Passed],
            report.Results.Select(r => r.Outcome));
        Assert.Contains("Could not convert", report.Results[1].FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValueTheSnifferDidNotSee_FailsTheReadAsATableLoadDoes()
    {
        // DuckDB sniffs types from the first 20,480 rows; a later value of another type fails the read.
        var lines = Enumerable.Range(0, 25_000).Select(i => $"{i},{i}").Prepend("id,n").Append("25000,oops");
        var path = Path.Combine(_fixture.Root, "late.csv");
        await File.WriteAllLinesAsync(path, lines);

        var error = await Assert.ThrowsAsync<DatasetException>(() => _fixture.EvaluateAsync("RowCount > 0", path));

        Assert.Contains("oops", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetData_IsReadOnceForAllParts()
    {
        using var session = DuckDbSession.Open();
        var parquet = Path.Combine(_fixture.Root, "people.parquet");
        await session.Open(_fixture.Write("people.csv", DqFixture.People)).WriteAsync(parquet);

        var report = await _fixture.EvaluateAsync(Rules, parquet);

        Assert.Equal(14, report.Passed);
        Assert.Equal(5.0, report.Results[0].EvaluatedMetrics["Dataset.*.RowCount"]);
        Assert.Equal(3.0, report.Results[5].EvaluatedMetrics["Column.age.DistinctValuesCount"]);
    }

    private static MetricPlan Compile(string rules, PrimarySource primary)
    {
        var plan = new MetricPlan();
        var context = new RuleCompileContext(
            primary.Schema,
            plan,
            new Dictionary<string, DatasetSchema>(),
            new JudgeContext(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), MetricHistory.Empty),
            _ => []);
        foreach (var rule in DqFixture.Parse(rules).AllRules())
        {
            try
            {
                RuleCompiler.Compile(rule, context);
            }
            catch (RuleEvaluationException)
            {
                // A rule that cannot compile asks for nothing.
            }
        }

        return plan;
    }

    public void Dispose() => _fixture.Dispose();
}
