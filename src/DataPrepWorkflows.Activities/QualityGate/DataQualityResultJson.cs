using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// The JSON form of evaluation results, shaped like AWS Glue Data Quality's <c>RuleResults</c>:
/// <c>[{"Rule": "…", "Outcome": "Passed", "FailureReason": null, "EvaluatedMetrics": {"Column.age.Completeness": 0.98}}]</c>.
/// </summary>
public static class DataQualityResultJson
{
    // Rules contain quotes and comparison signs; results are read by people and tools, not embedded in HTML, so keep
    // them as written instead of \u003C-style escapes.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The rule results as a JSON array.</summary>
    /// <param name="results">The results.</param>
    /// <returns>The array, one object per rule.</returns>
    public static JsonArray Results(IEnumerable<DataQualityRuleResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Select(Result)];
    }

    /// <summary>
    /// The whole report: dataset name, evaluation time, score and counts, <c>RuleResults</c>, <c>AnalyzerMetrics</c>
    /// and the row-level outputs.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Report(DataQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["DatasetName"] = report.DatasetName,
            ["EvaluatedAt"] = report.EvaluatedAt,
            ["Score"] = report.Score,
            ["Passed"] = report.Passed,
            ["Failed"] = report.Failed,
            ["Errors"] = report.Errors,
            ["RuleResults"] = Results(report.Results),
            ["AnalyzerMetrics"] = Metrics(report.AnalyzerMetrics),
        };
        if (report.RowOutputs is { } rows)
        {
            json["RowLevelOutputs"] = new JsonObject
            {
                ["PassingPath"] = rows.PassingPath,
                ["FailingPath"] = rows.FailingPath,
                ["PassingRows"] = rows.PassingRows,
                ["FailingRows"] = rows.FailingRows,
            };
        }

        return json;
    }

    /// <summary>The report as indented JSON text (what <c>dataprep dq evaluate</c> prints).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string Write(DataQualityReport report) => Report(report).ToJsonString(Indented);

    /// <summary>One rule result as a JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The object.</returns>
    public static JsonObject Result(DataQualityRuleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JsonObject
        {
            ["Rule"] = result.Rule,
            ["Outcome"] = result.Outcome.ToString(),
            ["FailureReason"] = result.FailureReason,
            ["EvaluatedMetrics"] = Metrics(result.EvaluatedMetrics),
        };
    }

    private static JsonObject Metrics(IReadOnlyDictionary<string, double> metrics)
    {
        var json = new JsonObject();
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            // JSON has no NaN or infinity; such a metric (a correlation over constant columns) is written as null.
            json[name] = double.IsFinite(value) ? value : null;
        }

        return json;
    }
}
