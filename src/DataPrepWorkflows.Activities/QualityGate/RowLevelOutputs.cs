using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Row-level outcomes as Glue produces them: every row gets <c>DataQualityRulesPass</c>,
/// <c>DataQualityRulesFail</c> (lists of rule texts) and <c>DataQualityEvaluationResult</c> (Passed/Failed), computed
/// in one pass; rows that meet every row-level rule go to the passing output (original columns only), the others
/// to the failing (quarantine) output with the three columns.
/// </summary>
internal static class RowLevelOutputs
{
    private const string Rows = "__dq_rows";

    public static async Task<DataQualityRowOutputs> WriteAsync(
        DuckDbSession session,
        IReadOnlyList<(string Rule, RowCheck Check)> checks,
        string? passingPath,
        string? failingPath,
        CancellationToken cancellationToken)
    {
        var windows = checks.SelectMany(c => c.Check.Windows).ToList();
        var source = windows.Count == 0 ? DqSql.Primary : $"(SELECT *, {string.Join(", ", windows.Select(w => $"{w.Expression} AS {DqSql.Identifier(w.Alias)}"))} FROM {DqSql.Primary})";
        var exclude = windows.Count == 0 ? string.Empty : $" EXCLUDE ({string.Join(", ", windows.Select(w => DqSql.Identifier(w.Alias)))})";
        var passList = List(checks.Select(c => $"CASE WHEN {c.Check.Predicate} THEN {DqSql.Literal(c.Rule)} END"));
        var failList = List(checks.Select(c => $"CASE WHEN NOT {c.Check.Predicate} THEN {DqSql.Literal(c.Rule)} END"));
        await session.ExecuteAsync(
            $"CREATE OR REPLACE TEMP TABLE {Rows} AS SELECT *, CASE WHEN len(\"DataQualityRulesFail\") = 0 THEN 'Passed' ELSE 'Failed' END AS \"DataQualityEvaluationResult\" " +
            $"FROM (SELECT *{exclude}, {passList} AS \"DataQualityRulesPass\", {failList} AS \"DataQualityRulesFail\" FROM {source})",
            cancellationToken).ConfigureAwait(false);

        var counts = await session.QueryAsync(
            $"SELECT count(*) FILTER (WHERE \"DataQualityEvaluationResult\" = 'Passed'), count(*) FILTER (WHERE \"DataQualityEvaluationResult\" = 'Failed') FROM {Rows}",
            cancellationToken).ConfigureAwait(false);
        if (passingPath is not null)
        {
            await session.Sql($"SELECT * EXCLUDE (\"DataQualityRulesPass\", \"DataQualityRulesFail\", \"DataQualityEvaluationResult\") FROM {Rows} WHERE \"DataQualityEvaluationResult\" = 'Passed'")
                .WriteAsync(passingPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (failingPath is not null)
        {
            await session.Sql($"SELECT * FROM {Rows} WHERE \"DataQualityEvaluationResult\" = 'Failed'")
                .WriteAsync(failingPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await session.ExecuteAsync($"DROP TABLE {Rows}", cancellationToken).ConfigureAwait(false);
        return new DataQualityRowOutputs(
            passingPath,
            failingPath,
            (long)(DqSql.ToDouble(counts.Rows[0][0]) ?? 0),
            (long)(DqSql.ToDouble(counts.Rows[0][1]) ?? 0));
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0
            ? "CAST([] AS VARCHAR[])"
            : $"list_filter([{string.Join(", ", list)}], x -> x IS NOT NULL)";
    }
}
