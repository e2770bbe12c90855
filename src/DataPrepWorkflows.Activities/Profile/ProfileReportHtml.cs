using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// A self-contained HTML page of a profile (inline CSS and SVG, no scripts or external resources, so it opens
/// offline): dataset figures, then one section per column with its statistics, a value histogram, its most common
/// values, and a correlation heat map.
/// </summary>
internal static class ProfileReportHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
        .summary{display:flex;gap:1rem;margin:1rem 0}.card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem}
        .card b{display:block;font-size:1.3rem}.column{border-top:1px solid #d0d7de;padding-top:.5rem}
        .grid{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}table{border-collapse:collapse}
        td,th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #eee;font-size:.85rem}svg text{font-size:10px}
        """;

    public static string Render(string title, JsonObject profile)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Profile: ").Append(E(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body><h1>Profile of ").Append(E(title)).Append("</h1>");
        html.Append("<div class=\"summary\">").Append(Card("Rows", profile["rowCount"])).Append(Card("Columns", profile["columnCount"]));
        if (profile["duplicateRowsCount"] is { } duplicates)
        {
            html.Append(Card("Duplicate rows", duplicates));
        }

        html.Append("</div>");
        var columns = profile["columns"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        foreach (var column in columns)
        {
            AppendColumn(html, column);
        }

        AppendCorrelations(html, columns);
        return html.Append("</body></html>").ToString();
    }

    private static void AppendColumn(StringBuilder html, JsonObject column)
    {
        html.Append("<section class=\"column\"><h2>").Append(E(Text(column["name"]))).Append(" <small>").Append(E(Text(column["type"])))
            .Append("</small></h2><div class=\"grid\"><table>");
        foreach (var (name, value) in column)
        {
            if (value is JsonValue)
            {
                html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(Text(value))).Append("</td></tr>");
            }
        }

        html.Append("</table>");
        if (column["valueDistribution"] is JsonArray buckets)
        {
            html.Append(Bars("Value distribution", buckets.OfType<JsonObject>().Select(b => (Label(b["bucket"]), Count(b["count"]))).ToList(), vertical: true));
        }

        if (column["mostCommonValues"] is JsonArray common && common.Count > 0)
        {
            html.Append(Bars("Most common values", common.OfType<JsonObject>().Take(10).Select(v => (Text(v["value"]), Count(v["count"]))).ToList(), vertical: false));
        }

        html.Append("</div></section>");
    }

    private static string Bars(string title, List<(string Label, long Count)> bars, bool vertical)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Count));
        var svg = new StringBuilder();
        svg.Append("<figure><figcaption>").Append(E(title)).Append("</figcaption>");
        if (vertical)
        {
            const int height = 120;
            var width = 12 * bars.Count;
            svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width + 2}\" height=\"{height + 2}\" role=\"img\">"));
            for (var i = 0; i < bars.Count; i++)
            {
                var h = (double)bars[i].Count / max * height;
                svg.Append(F($"<rect x=\"{(i * 12) + 1}\" y=\"{height - h + 1:F1}\" width=\"10\" height=\"{h:F1}\" fill=\"#0969da\"><title>{E(bars[i].Label)}: {bars[i].Count}</title></rect>"));
            }
        }
        else
        {
            svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"{(bars.Count * 16) + 2}\" role=\"img\">"));
            for (var i = 0; i < bars.Count; i++)
            {
                var w = (double)bars[i].Count / max * 200;
                var label = bars[i].Label.Length > 20 ? bars[i].Label[..20] + "…" : bars[i].Label;
                svg.Append(F($"<text x=\"0\" y=\"{(i * 16) + 12}\">{E(label)}</text><rect x=\"130\" y=\"{(i * 16) + 3}\" width=\"{w:F1}\" height=\"11\" fill=\"#1a7f37\"><title>{bars[i].Count}</title></rect>"));
                svg.Append(F($"<text x=\"{134 + w:F1}\" y=\"{(i * 16) + 12}\">{bars[i].Count}</text>"));
            }
        }

        return svg.Append("</svg></figure>").ToString();
    }

    private static void AppendCorrelations(StringBuilder html, List<JsonObject> columns)
    {
        var numeric = columns.Where(c => c["correlations"] is JsonObject).ToList();
        if (numeric.Count < 2)
        {
            return;
        }

        const int cell = 28;
        const int margin = 120;
        var size = margin + (cell * numeric.Count);
        html.Append("<h2>Correlations</h2>").Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" role=\"img\">"));
        for (var row = 0; row < numeric.Count; row++)
        {
            var name = Text(numeric[row]["name"]);
            html.Append(F($"<text x=\"0\" y=\"{margin + (row * cell) + 18}\">{E(name)}</text>"));
            html.Append(F($"<text transform=\"translate({margin + (row * cell) + 18},{margin - 4}) rotate(-60)\">{E(name)}</text>"));
            for (var col = 0; col < numeric.Count; col++)
            {
                var r = row == col ? 1 : numeric[row]["correlations"]![Text(numeric[col]["name"])] is JsonValue v ? v.GetValue<double>() : 0;
                var color = r >= 0 ? F($"rgb({255 - (int)(r * 200)},{255 - (int)(r * 120)},255)") : F($"rgb(255,{255 + (int)(r * 160)},{255 + (int)(r * 200)})");
                html.Append(F($"<rect x=\"{margin + (col * cell)}\" y=\"{margin + (row * cell)}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"{color}\"><title>{r:F3}</title></rect>"));
            }
        }

        html.Append("</svg>");
    }

    private static string Label(JsonNode? bucket) =>
        bucket is JsonArray pair && pair.Count == 2 ? $"[{Text(pair[0])}, {Text(pair[1])}]" : Text(bucket);

    private static long Count(JsonNode? node) => node is JsonValue v ? v.GetValue<long>() : 0;

    private static string Card(string label, JsonNode? value) => $"<div class=\"card\">{E(label)}<b>{E(Text(value))}</b></div>";

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("G6", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
