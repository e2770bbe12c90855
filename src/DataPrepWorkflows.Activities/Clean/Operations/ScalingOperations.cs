namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Scaling numeric columns into a new column.</summary>
internal static class ScalingOperations
{
    private const string Category = "Scaling";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("NORMALIZATION", Category,
            "Adds targetColumn: sourceColumn scaled by strategy — MIN_MAX to [0,1], SCALE_BETWEEN to [lowerBound, upperBound], MEAN_NORMALIZATION (x − mean)/(max − min), Z_SCORE (x − mean)/σ.",
            [P.Source, P.Choice("strategy", "The scaling.", ["MIN_MAX", "SCALE_BETWEEN", "MEAN_NORMALIZATION", "Z_SCORE"]), P.Target,
             P.Number("lowerBound", "Lower end for SCALE_BETWEEN.", false, "0"), P.Number("upperBound", "Upper end for SCALE_BETWEEN.", false, "1")])
        {
            Compiler = s =>
            {
                var x = Sql.AsDouble(s.Col("sourceColumn"));
                // Only the statistics the strategy uses are asked for: each one is computed before the step runs.
                string Min() => s.Stat($"min({x})");
                string Range() => $"nullif({s.Stat($"max({x})")} - {Min()}, 0)";
                string Mean() => s.Stat($"avg({x})");
                var expression = s.Choice("strategy") switch
                {
                    "SCALE_BETWEEN" => $"{Sql.Num(s.Number("lowerBound"))} + ({x} - {Min()}) * ({Sql.Num(s.Number("upperBound"))} - {Sql.Num(s.Number("lowerBound"))}) / {Range()}",
                    "MEAN_NORMALIZATION" => $"({x} - {Mean()}) / {Range()}",
                    "Z_SCORE" => $"({x} - {Mean()}) / nullif({s.Stat($"stddev_pop({x})")}, 0)",
                    _ => $"({x} - {Min()}) / {Range()}",
                };
                return s.AddAfterSource(expression);
            },
        };
    }
}
