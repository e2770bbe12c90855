using System.Globalization;
using System.Net;
using System.Text;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// A self-contained HTML report (inline CSS and SVG, no scripts or external resources) so it opens offline: per facet
/// group, the group sizes, the positive-label rates and each metric against its threshold.
/// </summary>
internal static class BiasReportHtml
{
    private const int Width = 360;

    public static string Render(BiasAnalysisResult result, IReadOnlyList<BiasThreshold>? thresholds)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pre-training bias report</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}h2{margin-top:2rem;border-bottom:1px solid #ccc}")
            .Append("table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left}")
            .Append(".fail{color:#b00020;font-weight:bold}.pass{color:#1b7f3b}.charts{display:flex;flex-wrap:wrap;gap:2rem}")
            .Append("</style></head><body><h1>Pre-training bias report</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>Label <b>{E(result.Label)}</b>, positive when {E(result.LabelValueOrThreshold)}; {result.Rows:N0} rows.</p>");
        foreach (var facet in result.Facets)
        {
            var qd = facet.FacetRows == 0 ? 0 : (double)facet.FacetPositive / facet.FacetRows;
            var qa = facet.OtherRows == 0 ? 0 : (double)facet.OtherPositive / facet.OtherRows;
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(facet.Facet)} = {E(facet.ValueOrThreshold)}</h2><div class=\"charts\">")
                .Append(Bars("Group size (rows)", [("facet d", facet.FacetRows, $"{facet.FacetRows:N0}"), ("rest a", facet.OtherRows, $"{facet.OtherRows:N0}")], Math.Max(1, Math.Max(facet.FacetRows, facet.OtherRows))))
                .Append(Bars("Positive-label rate", [("facet d", qd, qd.ToString("P1", CultureInfo.InvariantCulture)), ("rest a", qa, qa.ToString("P1", CultureInfo.InvariantCulture))], 1))
                .Append(MetricChart(facet, thresholds))
                .Append("</div><table><tr><th>Metric</th><th>Value</th><th>Threshold</th></tr>");
            foreach (var metric in facet.Metrics)
            {
                var limit = thresholds?.FirstOrDefault(t => t.Metric == metric.Name);
                var verdict = limit is null ? "" : limit.Allows(metric.Value) ? $"<span class=\"pass\">{E(limit.Text)} ✓</span>" : $"<span class=\"fail\">{E(limit.Text)} ✗</span>";
                var value = metric.Value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : $"error: {E(metric.Error ?? "")}";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(metric.Description)}</td><td>{value}</td><td>{verdict}</td></tr>");
            }

            html.Append("</table>");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Bars(string title, (string Label, double Value, string Text)[] bars, double max)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{E(title)}</figcaption><svg width=\"{Width}\" height=\"{(bars.Length * 28) + 8}\" role=\"img\">");
        for (var i = 0; i < bars.Length; i++)
        {
            var length = Math.Max(0, bars[i].Value / max * (Width - 170));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{(i * 28) + 20}\" font-size=\"12\">{E(bars[i].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"70\" y=\"{(i * 28) + 6}\" width=\"{length:F1}\" height=\"18\" fill=\"{(i == 0 ? "#c2185b" : "#1976d2")}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{75 + length:F1}\" y=\"{(i * 28) + 20}\" font-size=\"12\">{E(bars[i].Text)}</text>");
        }

        return svg.Append("</svg></figure>").ToString();
    }

    private static string MetricChart(BiasFacetReport facet, IReadOnlyList<BiasThreshold>? thresholds)
    {
        // Values on a symmetric axis around zero; thresholds are drawn as dashed lines at their limits.
        var values = facet.Metrics.Where(m => m.Value is not null).ToList();
        var scale = Math.Max(1.0, values.Select(m => Math.Abs(m.Value!.Value)).DefaultIfEmpty(0).Max());
        const double half = (Width - 120) / 2.0;
        const double zero = 60 + half;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>Metrics (axis ±{scale:G3})</figcaption><svg width=\"{Width}\" height=\"{(facet.Metrics.Count * 22) + 8}\" role=\"img\">")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{zero}\" y1=\"0\" x2=\"{zero}\" y2=\"{facet.Metrics.Count * 22}\" stroke=\"#999\"/>");
        for (var i = 0; i < facet.Metrics.Count; i++)
        {
            var metric = facet.Metrics[i];
            var y = i * 22;
            var limit = thresholds?.FirstOrDefault(t => t.Metric == metric.Name);
            var failed = limit is not null && !limit.Allows(metric.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{E(metric.Name)}</text>");
            if (metric.Value is { } v)
            {
                var end = zero + (v / scale * half);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Math.Min(zero, end):F1}\" y=\"{y + 4}\" width=\"{Math.Abs(end - zero):F1}\" height=\"14\" fill=\"{(failed ? "#b00020" : "#607d8b")}\"/>");
            }

            foreach (var at in Limits(limit))
            {
                var x = zero + (Math.Clamp(at, -scale, scale) / scale * half);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{y + 2}\" x2=\"{x:F1}\" y2=\"{y + 20}\" stroke=\"#000\" stroke-dasharray=\"3,2\"/>");
            }
        }

        return svg.Append("</svg></figure>").ToString();
    }

    private static IEnumerable<double> Limits(BiasThreshold? limit)
    {
        if (limit is null)
        {
            yield break;
        }

        foreach (var bound in new[] { limit.Min, limit.Max }.OfType<double>())
        {
            yield return bound;
            if (limit.Absolute)
            {
                yield return -bound;
            }
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
