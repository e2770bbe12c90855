using System.Globalization;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>
/// The interval outside which a value is an outlier, as SQL scalars over the previous relation. Z_SCORE: mean ± t·σ
/// (population σ); MODIFIED_Z_SCORE: median ± t·MAD/0.6745; IQR: [Q1 − t·IQR, Q3 + t·IQR]. With trimValue the
/// statistics use only the values between the minValue and maxValue percentiles.
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
        var trim = "";
        if (s.Bool("trimValue"))
        {
            var lo = (s.Number("minValue") / 100).ToString("R", CultureInfo.InvariantCulture);
            var hi = (s.Number("maxValue") / 100).ToString("R", CultureInfo.InvariantCulture);
            trim = $" AND {x} BETWEEN (SELECT quantile_cont({x}, {lo}) FROM {s.Source}) AND (SELECT quantile_cont({x}, {hi}) FROM {s.Source})";
        }

        var data = $"(SELECT {x} AS x FROM {s.Source} WHERE {x} IS NOT NULL{trim})";
        return s.Choice("outlierStrategy") switch
        {
            "MODIFIED_Z_SCORE" => Around(x, data, $"(SELECT median(x) FROM {data})", $"{t} * (SELECT median(abs(x - (SELECT median(x) FROM {data}))) FROM {data}) / 0.6745"),
            "IQR" => new OutlierBounds(
                x,
                $"(SELECT quantile_cont(x, 0.25) - {t} * (quantile_cont(x, 0.75) - quantile_cont(x, 0.25)) FROM {data})",
                $"(SELECT quantile_cont(x, 0.75) + {t} * (quantile_cont(x, 0.75) - quantile_cont(x, 0.25)) FROM {data})"),
            _ => Around(x, data, $"(SELECT avg(x) FROM {data})", $"{t} * (SELECT stddev_pop(x) FROM {data})"),
        };
    }

    private static OutlierBounds Around(string x, string data, string centre, string spread)
    {
        _ = data;
        return new OutlierBounds(x, $"({centre} - {spread})", $"({centre} + {spread})");
    }
}
