using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>The <c>analysis.json</c> Clarify writes: <c>version</c> and <c>pre_training_bias_metrics</c>.</summary>
internal static class AnalysisJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static JsonObject Render(BiasAnalysisResult result) => new()
    {
        ["version"] = "1.0",
        ["pre_training_bias_metrics"] = new JsonObject
        {
            ["label"] = result.Label,
            ["label_value_or_threshold"] = result.LabelValueOrThreshold,
            ["facets"] = Facets(result.Facets),
        },
    };

    /// <summary>The <c>facets</c> object: each facet column's list of reports.</summary>
    public static JsonObject Facets(IEnumerable<BiasFacetReport> reports)
    {
        var facets = new JsonObject();
        foreach (var report in reports)
        {
            if (facets[report.Facet] is not JsonArray list)
            {
                facets[report.Facet] = list = [];
            }

            list.Add(new JsonObject
            {
                ["value_or_threshold"] = report.ValueOrThreshold,
                ["metrics"] = new JsonArray([.. report.Metrics.Select(Metric)]),
            });
        }

        return facets;
    }

    private static JsonObject Metric(BiasMetricResult metric)
    {
        var json = new JsonObject
        {
            ["name"] = metric.Name,
            ["description"] = metric.Description,
            ["value"] = metric.Value switch
            {
                null => null,
                double.PositiveInfinity => "Infinity",
                double.NegativeInfinity => "-Infinity",
                var v => JsonValue.Create(v.Value),
            },
        };
        if (metric.Error is not null)
        {
            json["error"] = metric.Error;
        }

        return json;
    }
}
