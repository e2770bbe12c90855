using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>Checks every facet report against the thresholds.</summary>
internal static class ThresholdCheck
{
    /// <summary>One JSON object per failed (facet group, threshold) pair.</summary>
    public static IEnumerable<JsonNode> Failures(BiasAnalysisResult result, IReadOnlyList<BiasThreshold> thresholds)
    {
        foreach (var facet in result.Facets)
        {
            foreach (var threshold in thresholds)
            {
                var metric = facet.Metrics.FirstOrDefault(m => m.Name == threshold.Metric);
                if (metric is not null && threshold.Allows(metric.Value))
                {
                    continue;
                }

                yield return new JsonObject
                {
                    ["facet"] = facet.Facet,
                    ["value_or_threshold"] = facet.ValueOrThreshold,
                    ["metric"] = threshold.Metric,
                    ["value"] = metric?.Value is { } v && double.IsFinite(v) ? v : null,
                    ["condition"] = threshold.Text,
                    ["error"] = metric is null ? "the metric was not computed (see methods)" : metric.Error,
                };
            }
        }
    }
}
