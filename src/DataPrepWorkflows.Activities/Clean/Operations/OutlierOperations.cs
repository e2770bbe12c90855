namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Outliers by Z_SCORE, MODIFIED_Z_SCORE or IQR (see <see cref="OutlierBounds"/>).</summary>
internal static class OutlierOperations
{
    private const string Category = "Outliers";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("REMOVE_OUTLIERS", Category, "Deletes the rows whose sourceColumn is an outlier (DELETE_ROWS), or clears the outlying values (CLEAR).",
            OutlierBounds.Parameters(P.Choice("removeType", "DELETE_ROWS or CLEAR.", ["DELETE_ROWS", "CLEAR"], false, "DELETE_ROWS")))
        {
            RemovesRows = true,
            Compiler = s =>
            {
                var bounds = OutlierBounds.For(s);
                return s.Choice("removeType") == "CLEAR"
                    ? s.Replace(s.Column("sourceColumn"), $"CASE WHEN {bounds.IsOutlier} THEN NULL ELSE {s.Col("sourceColumn")} END")
                    : s.RemoveRows(bounds.IsOutlier);
            },
        };
        yield return new("REPLACE_OUTLIERS", Category, "Replaces outlying values of sourceColumn: clamped to the bounds (WINSORIZE_VALUES), a constant, empty, or a statistic of the column.",
            OutlierBounds.Parameters(
                P.Choice("replaceType", "What replaces an outlier.", ["WINSORIZE_VALUES", "REPLACE_WITH_CUSTOM", "REPLACE_WITH_EMPTY", "REPLACE_WITH_NULL", "REPLACE_WITH_MODE", "REPLACE_WITH_AVERAGE", "REPLACE_WITH_MEDIAN", "REPLACE_WITH_SUM", "REPLACE_WITH_MAX"], false, "WINSORIZE_VALUES"),
                P.Choice("modeType", "Tie-break for REPLACE_WITH_MODE.", ["MINIMUM", "MAXIMUM", "AVERAGE", "NONE"], false, "MINIMUM"),
                P.Text("value", "The constant for REPLACE_WITH_CUSTOM.", false)))
        {
            Compiler = s =>
            {
                var bounds = OutlierBounds.For(s);
                var x = bounds.Value;
                var replacement = s.Choice("replaceType") switch
                {
                    "REPLACE_WITH_CUSTOM" => $"TRY_CAST({Sql.Str(s.Text("value"))} AS DOUBLE)",
                    "REPLACE_WITH_EMPTY" or "REPLACE_WITH_NULL" => "NULL",
                    "REPLACE_WITH_MODE" => Mode(s, x),
                    "REPLACE_WITH_AVERAGE" => s.Stat($"avg({x})"),
                    "REPLACE_WITH_MEDIAN" => s.Stat($"median({x})"),
                    "REPLACE_WITH_SUM" => s.Stat($"sum({x})"),
                    "REPLACE_WITH_MAX" => s.Stat($"max({x})"),
                    _ => $"least(greatest({x}, {bounds.Low}), {bounds.High})",
                };
                return s.Replace(s.Column("sourceColumn"), $"CASE WHEN {bounds.IsOutlier} THEN {replacement} ELSE {x} END");
            },
        };
        yield return new("FLAG_OUTLIERS", Category, "Adds targetColumn: trueString where sourceColumn is an outlier, falseString elsewhere.",
            OutlierBounds.Parameters(P.Target, P.Text("trueString", "Text for outliers.", false, "true"), P.Text("falseString", "Text for other values.", false, "false")))
        {
            Compiler = s => s.AddAfterSource($"CASE WHEN {OutlierBounds.For(s).IsOutlier} THEN {Sql.Str(s.Text("trueString"))} ELSE {Sql.Str(s.Text("falseString"))} END"),
        };
        yield return new("RESCALE_OUTLIERS_WITH_Z_SCORE", Category, "Adds targetColumn: sourceColumn rescaled by Z-score normalisation ((x − mean) / σ), so outliers land beyond ±threshold.",
            OutlierBounds.Parameters(P.Target))
        {
            Compiler = s =>
            {
                var x = Sql.AsDouble(s.Col("sourceColumn"));
                return s.AddAfterSource($"({x} - {s.Stat($"avg({x})")}) / nullif({s.Stat($"stddev_pop({x})")}, 0)");
            },
        };
    }

    private static string Mode(StepContext s, string x) =>
        $"(SELECT {(s.Choice("modeType") == "MAXIMUM" ? "max" : s.Choice("modeType") == "AVERAGE" ? "avg" : "min")}(v) FROM (SELECT {x} AS v, count(*) AS n FROM {s.Source} WHERE {x} IS NOT NULL GROUP BY ALL) QUALIFY n = max(n) OVER ())";
}
