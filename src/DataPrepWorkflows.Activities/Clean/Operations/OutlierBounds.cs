using System.Globalization;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>
/// The interval outside which a value is an outlier, from statistics of the previous relation (<see cref="StepContext.Stat"/>).
/// Z_SCORE: mean ± t·σ (population σ); MODIFIED_Z_SCORE: median ± t·MAD/0.6745; IQR: [Q1 − t·IQR, Q3 + t·IQR]. With
/// trimValue the statistics use only the values between the minValue and maxValue percentiles. A statistic that
/// depends on another (the MAD on the median, trimmed ones on the percentiles) names it, so the runner computes
/// them in rounds.
/// </summary>
internal sealed class OutlierBounds
{
    private OutlierBounds(string value, string low, string high)
    {
        Value = value;
        Low = low;
        High = high;
    }

    /// <summary>The column's value as a number.</summary>
    public string Value { get; }

    public string Low { get; }

    public string High { get; }

    public string IsOutlier => $"({Value} < {Low} OR {Value} > {High})";

    public static IReadOnlyList<string> Strategies { get; } = ["Z_SCORE", "MODIFIED_Z_SCORE", "IQR"];

    public static OperationParameter[] Parameters(params OperationParameter[] more) =>
    [
        P.Source,
        P.Choice("outlierStrategy", "How outliers are detected.", Strategies, false, "Z_SCORE"),
        P.Number("threshold", "How far from the centre a value may lie (in σ, MAD units, or IQRs).", false, "3"),
        P.Bool("trimValue", "Compute the statistics only over values between the minValue and maxValue percentiles.", "FALSE"),
        P.Number("minValue", "Lower percentile (0-100) kept when trimValue is true.", false, "0"),
        P.Number("maxValue", "Upper percentile (0-100) kept when trimValue is true.", false, "100"),
        .. more,
    ];

    public static OutlierBounds For(StepContext s)
    {
        var x = Sql.AsDouble(s.Col("sourceColumn"));
        var t = Sql.Num(s.Number("threshold"));
        // Aggregates skip missing values, so the statistics are those of the present values; with trimValue only
        // the values between the two percentiles count.
        var only = "";
        if (s.Bool("trimValue"))
        {
            var lo = (s.Number("minValue") / 100).ToString("R", CultureInfo.InvariantCulture);
            var hi = (s.Number("maxValue") / 100).ToString("R", CultureInfo.InvariantCulture);
            only = $" FILTER (WHERE {x} BETWEEN {s.Stat($"quantile_cont({x}, {lo})")} AND {s.Stat($"quantile_cont({x}, {hi})")})";
        }

        string Stat(string aggregate, string of) => s.Stat($"{aggregate}({of}){only}");
        string Quantile(string q) => s.Stat($"quantile_cont({x}, {q}){only}");
        switch (s.Choice("outlierStrategy"))
        {
            case "MODIFIED_Z_SCORE":
                var median = Stat("median", x);
                return Around(x, median, $"{t} * {Stat("median", $"abs({x} - {median})")} / 0.6745");
            case "IQR":
                var (q1, q3) = (Quantile("0.25"), Quantile("0.75"));
                return new OutlierBounds(x, $"({q1} - {t} * ({q3} - {q1}))", $"({q3} + {t} * ({q3} - {q1}))");
            default:
                return Around(x, Stat("avg", x), $"{t} * {Stat("stddev_pop", x)}");
        }
    }

    private static OutlierBounds Around(string x, string centre, string spread) => new(x, $"({centre} - {spread})", $"({centre} + {spread})");
}
