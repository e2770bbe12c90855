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
                var min = s.Stat($"min({x})");
                var range = $"nullif({s.Stat($"max({x})")} - {min}, 0)";
                var mean = s.Stat($"avg({x})");
                var expression = s.Choice("strategy") switch
                {
                    "SCALE_BETWEEN" => $"{Sql.Num(s.Number("lowerBound"))} + ({x} - {min}) * ({Sql.Num(s.Number("upperBound"))} - {Sql.Num(s.Number("lowerBound"))}) / {range}",
                    "MEAN_NORMALIZATION" => $"({x} - {mean}) / {range}",
                    "Z_SCORE" => $"({x} - {mean}) / nullif({s.Stat($"stddev_pop({x})")}, 0)",
                    _ => $"({x} - {min}) / {range}",
                };
                return s.AddAfterSource(expression);
            },
        };
    }
}
