using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>
/// <c>count_if</c> counts TRUE only, so the evaluator drops a <c>coalesce(…, false)</c> around a whole counted
/// predicate, and nothing else: counts stay those of the full predicate.
/// </summary>
public sealed class CountedPredicateTests : IDisposable
{
    private readonly DqFixture _fixture = new();

    [Theory]
    [InlineData("coalesce(\"a\" > CAST(1 AS BIGINT), false)", "\"a\" > CAST(1 AS BIGINT)")]
    [InlineData("(coalesce(\"r\" IN ('a)', 'b''s, (c'), false))", "\"r\" IN ('a)', 'b''s, (c')")]
    [InlineData("coalesce(regexp_full_match(\"c\", '\\s+,'), false)", "regexp_full_match(\"c\", '\\s+,')")]
    [InlineData("(NOT coalesce(x, false))", "(NOT coalesce(x, false))")]
    [InlineData("(coalesce(a, false) OR coalesce(b, false))", "(coalesce(a, false) OR coalesce(b, false))")]
    [InlineData("coalesce(a, b, false)", "coalesce(a, b, false)")]
    [InlineData("x IS NOT NULL AND coalesce(y, false)", "x IS NOT NULL AND coalesce(y, false)")]
    [InlineData("coalesce(a, true)", "coalesce(a, true)")]
    [InlineData("coalesce(\"x,\" = 'y', false)", "\"x,\" = 'y'")]
    public void Counted_DropsOnlyACoalesceAroundTheWholePredicate(string predicate, string counted) =>
        Assert.Equal(counted, DqSql.Counted(predicate));

    [Theory]
    [InlineData("ColumnValues \"age\" between 14 and 71")]
    [InlineData("ColumnValues \"age\" not between 14 and 71")]
    [InlineData("ColumnValues \"age\" in [34, NULL]")]
    [InlineData("ColumnValues \"age\" not in [34, 15]")]
    [InlineData("ColumnValues \"age\" > 20.5")]
    [InlineData("ColumnValues \"country\" in [\"US\", \"FR\"]")]
    [InlineData("ColumnValues \"country\" != \"US\"")]
    [InlineData("ColumnValues \"email\" matches \"[a-z]+@x\\\\.com\"")]
    [InlineData("ColumnValues \"email\" not matches \"[a-z]+@x\\\\.com\"")]
    [InlineData("ColumnValues \"email\" in [\"ann@x.com\", NULL, EMPTY]")]
    public async Task CountOfTheCountedPredicate_IsTheCountOfTheFullOne(string rule)
    {
        using var session = DuckDbSession.Open();
        var path = _fixture.Write("people.csv", DqFixture.People);
        await PrimarySource.OpenAsync(session, session.Open(path), needsTable: true, CancellationToken.None);
        var parsed = (DqRule)DqFixture.Parse(rule).Rules[0];
        var column = DqSql.Identifier(parsed.Parameters[0].Value);
        var predicate = parsed.Condition switch
        {
            NumberCondition number => ConditionSql.Integer(number, column, null) ?? ConditionSql.Number(number, $"CAST({column} AS DOUBLE)", null),
            StringCondition text => ConditionSql.String(text, column),
            _ => throw new InvalidOperationException(rule),
        };

        var rows = await session.QueryAsync($"SELECT count_if({predicate}), {DqSql.CountIf(predicate, null)}, {DqSql.CountIf(predicate, "id > 1")}, count_if({predicate} AND id > 1) FROM {DqSql.Primary}");

        Assert.Equal(Count(rows.Rows[0][0]), Count(rows.Rows[0][1]));
        Assert.Equal(Count(rows.Rows[0][3]), Count(rows.Rows[0][2]));
    }

    private static double? Count(object? value) => DqSql.ToDouble(value);

    public void Dispose() => _fixture.Dispose();
}
