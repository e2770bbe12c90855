using System.Globalization;
using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>
/// Number conditions on integer columns compared as BIGINT meet the condition on exactly the rows the DOUBLE
/// comparison does, including values beyond 2^53 where DOUBLE rounds, and fall back to DOUBLE for operands that are
/// not small whole numbers.
/// </summary>
public sealed class IntegerConditionTests : IDisposable
{
    private const string Values =
        "(-128), (-5), (0), (1), (16), (17), (18), (100), (101), (127), (NULL), (9007199254740991), (9007199254740992), (9007199254740993), " +
        "(-9007199254740993), (9007199254740995), (9223372036854775807), (-9223372036854775808)";

    private readonly DqFixture _fixture = new();

    public static TheoryData<string> Conditions => new()
    {
        "> 17", ">= 17", "< 17", "<= 17", "= 17", "!= 17", "between 17 and 101", "not between -5 and 100",
        "in [12, 17, 101, NULL]", "not in [0, 1, 127, NULL]", "> -300", "< 300",
        "> 9007199254740991", ">= -9007199254740991", "= 9007199254740991", "between 0 and 9007199254740991",
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public async Task IntegerComparison_MeetsTheConditionOnTheRowsTheDoubleComparisonDoes(string condition)
    {
        var number = Condition(condition);
        using var session = DuckDbSession.Open();
        await session.ExecuteAsync(
            $"CREATE TABLE t AS SELECT CAST(v AS BIGINT) AS b, CAST(CASE WHEN v BETWEEN -128 AND 127 THEN v END AS TINYINT) AS t, " +
            $"CAST(CASE WHEN v BETWEEN 0 AND 4294967295 THEN v END AS UINTEGER) AS u, CAST(CASE WHEN v BETWEEN -2147483648 AND 2147483647 THEN v END AS INTEGER) AS i " +
            $"FROM (VALUES {Values}) AS v(v)");

        foreach (var column in new[] { "b", "t", "u", "i" })
        {
            var integer = ConditionSql.Integer(number, DqSql.Identifier(column), null);
            var asDouble = ConditionSql.Number(number, $"CAST({DqSql.Identifier(column)} AS DOUBLE)", null);
            Assert.NotNull(integer);
            Assert.Contains("AS BIGINT", integer, StringComparison.Ordinal);

            var rows = await session.QueryAsync($"SELECT count(*) FILTER (WHERE ({integer}) IS DISTINCT FROM ({asDouble})), count_if({integer}) FROM t");

            Assert.Equal(0L, Convert.ToInt64(rows.Rows[0][0], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("> 0.5")]
    [InlineData("between 1 and 2.5")]
    [InlineData("> 9007199254740992")]
    [InlineData("< -9007199254740992")]
    [InlineData("in [1, 100000000000000000000]")]
    public void OperandThatIsNoSmallWholeNumber_KeepsTheDoubleComparison(string condition) =>
        Assert.Null(ConditionSql.Integer(Condition(condition), "\"n\"", null));

    [Fact]
    public async Task ColumnValuesOnAnIntegerColumn_GivesTheSameMetricsWithWholeAndFractionalOperands()
    {
        var data = _fixture.Write("ints.csv", "id,n\n1,-3\n2,0\n3,17\n4,\n5,9007199254740993\n6,101");

        var whole = await _fixture.RuleAsync("ColumnValues \"n\" between 0 and 101 with threshold between 0.16 and 0.17", data);
        var fractional = await _fixture.RuleAsync("ColumnValues \"n\" between -0.5 and 100.5 with threshold between 0.33 and 0.34", data);
        var length = await _fixture.RuleAsync("ColumnLength \"n\" <= 3", data);

        Assert.Equal(DataQualityOutcome.Passed, whole.Outcome);
        Assert.Equal(DataQualityOutcome.Passed, fractional.Outcome);
        Assert.Equal(DataQualityOutcome.Failed, length.Outcome);
        Assert.Equal(4.0 / 6, length.EvaluatedMetrics["Column.n.ColumnLength.Compliance"], 12);
        Assert.Equal(-3.0, whole.EvaluatedMetrics["Column.n.Minimum"]);
        Assert.Equal(9007199254740992.0, whole.EvaluatedMetrics["Column.n.Maximum"]);
        Assert.Equal(whole.EvaluatedMetrics["Column.n.Maximum"], fractional.EvaluatedMetrics["Column.n.Maximum"]);
        Assert.Equal(16.0, length.EvaluatedMetrics["Column.n.MaximumLength"]);
    }

    private static NumberCondition Condition(string condition) =>
        Assert.IsType<NumberCondition>(((DqRule)DqFixture.Parse($"ColumnValues \"n\" {condition}").Rules[0]).Condition);

    public void Dispose() => _fixture.Dispose();
}
