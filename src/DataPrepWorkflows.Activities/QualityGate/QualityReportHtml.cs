using System.Globalization;
using System.Net;
using System.Text;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// A self-contained HTML page of an evaluation (inline CSS, no scripts or external resources, so it opens offline):
/// the score, then every rule with its outcome, failure reason and metrics.
/// </summary>
internal static class QualityReportHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}
        h1{font-size:1.4rem}.summary{display:flex;gap:1rem;margin:1rem 0}
        .card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem}.card b{display:block;font-size:1.3rem}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.4rem;text-align:left;vertical-align:top}
        code{font-family:ui-monospace,monospace;font-size:.85rem;white-space:pre-wrap}
        .Passed{color:#1a7f37;font-weight:600}.Failed{color:#cf222e;font-weight:600}.Error{color:#9a6700;font-weight:600}
        .bar{height:.6rem;background:#eee;border-radius:3px;overflow:hidden}.bar span{display:block;height:100%;background:#1a7f37}
        """;

    public static string Render(DataQualityReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data quality: ")
            .Append(E(report.DatasetName)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Data quality of ").Append(E(report.DatasetName)).Append("</h1><p>Evaluated at ")
            .Append(E(report.EvaluatedAt.ToString("u", CultureInfo.InvariantCulture))).Append("</p>");
        var score = report.Score.ToString("P1", CultureInfo.InvariantCulture);
        html.Append("<div class=\"summary\">")
            .Append(Card("Score", score)).Append(Card("Passed", report.Passed)).Append(Card("Failed", report.Failed)).Append(Card("Errors", report.Errors));
        if (report.RowOutputs is { } rows)
        {
            html.Append(Card("Rows passing", rows.PassingRows)).Append(Card("Rows failing", rows.FailingRows));
        }

        html.Append("</div><div class=\"bar\"><span style=\"width:")
            .Append((report.Score * 100).ToString("F1", CultureInfo.InvariantCulture)).Append("%\"></span></div>");
        html.Append("<h2>Rules</h2><table><thead><tr><th>Rule</th><th>Outcome</th><th>Failure reason</th><th>Metrics</th></tr></thead><tbody>");
        foreach (var result in report.Results)
        {
            html.Append("<tr><td><code>").Append(E(result.Rule)).Append("</code></td><td class=\"").Append(result.Outcome)
                .Append("\">").Append(result.Outcome).Append("</td><td>").Append(E(result.FailureReason ?? string.Empty)).Append("</td><td>")
                .Append(Metrics(result.EvaluatedMetrics)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (report.AnalyzerMetrics.Count > 0)
        {
            html.Append("<h2>Analyzers</h2>").Append(Metrics(report.AnalyzerMetrics));
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Card(string label, object value) =>
        $"<div class=\"card\">{E(label)}<b>{E(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)}</b></div>";

    private static string Metrics(IReadOnlyDictionary<string, double> metrics) =>
        string.Concat(metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => $"<code>{E(m.Key)}</code> = {E(DqSql.Show(m.Value))}<br>"));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
