using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// Measures pre-training bias in a dataset as SageMaker Clarify does (CI, DPL, KL, JS, LP, TVD, KS, CDDL), writes
/// Clarify's <c>analysis.json</c> and an offline HTML report, and routes on per-metric thresholds: <c>Passed</c> when
/// every facet meets every threshold, <c>Failed</c> otherwise.
/// </summary>
[Activity("BiasCheck", Category = "Responsible AI", Description = "Computes SageMaker Clarify pre-training bias metrics (CI, DPL, KL, JS, LP, TVD, KS, CDDL) and routes on thresholds.")]
[Outcomes(OutcomePassed, OutcomeFailed)]
public sealed class BiasCheckActivity : CodeActivity
{
    /// <summary>The outcome when every threshold holds.</summary>
    public const string OutcomePassed = "Passed";

    /// <summary>The outcome when a threshold fails.</summary>
    public const string OutcomeFailed = "Failed";

    /// <summary>Clarify's analysis configuration.</summary>
    [Input(Order = 0, UIHint = "json-editor", Description = "Clarify's analysis_config.json: its path or s3:// URI, or the object inline (label, label_values_or_threshold, facet, group_variable, methods).")]
    public JsonNode? Config { get; set; }

    /// <summary>The dataset.</summary>
    [Input(Required = true, Order = 1, Description = "The dataset: a CSV, JSON Lines or Parquet file; a local path or s3:// URI.")]
    public string Data { get; set; } = "";

    /// <summary>Overrides the configuration's label.</summary>
    [Input(Order = 2, Category = "Overrides", Description = "The label column (name or 0-based index); overrides the configuration's label.")]
    public JsonNode? Label { get; set; }

    /// <summary>Overrides the configuration's positive label values.</summary>
    [Input(Order = 3, Category = "Overrides", Description = "Positive label values, or one numeric threshold (positive means greater); overrides label_values_or_threshold.")]
    public JsonNode? LabelValuesOrThreshold { get; set; }

    /// <summary>Overrides the configuration's facets.</summary>
    [Input(Order = 4, Category = "Overrides", Description = "Facets as Clarify writes them: [{\"name_or_index\": \"sex\", \"value_or_threshold\": [\"Female\"]}]; overrides facet.")]
    public JsonArray? Facet { get; set; }

    /// <summary>Overrides the configuration's group variable.</summary>
    [Input(Order = 5, Category = "Overrides", Description = "The group variable column for CDDL; overrides group_variable.")]
    public JsonNode? GroupVariable { get; set; }

    /// <summary>Overrides the configuration's metrics.</summary>
    [Input(Order = 6, Category = "Overrides", Description = "\"all\" or a list of CI, DPL, KL, JS, LP, TVD, KS, CDDL; overrides methods.pre_training_bias.methods.")]
    public JsonNode? Methods { get; set; }

    /// <summary>Per-metric limits deciding the outcome.</summary>
    [Input(Order = 7, UIHint = "json-editor", Description = "Metric → condition, checked for every facet: {\"DPL\": \"|DPL| <= 0.1\", \"CI\": {\"min\": -0.5, \"max\": 0.5}}. A metric that cannot be computed fails.")]
    public JsonObject? Thresholds { get; set; }

    /// <summary>Where analysis.json and report.html go.</summary>
    [Input(Order = 8, Description = "Folder (path or s3:// URI) for analysis.json and report.html; nothing is written when empty.")]
    public string? Output { get; set; }

    /// <summary>The metrics per facet.</summary>
    [Output(Description = "The metrics per facet, as analysis.json's pre_training_bias_metrics.facets.")]
    public JsonObject Metrics { get; private set; } = [];

    /// <summary>The positive label values or interval.</summary>
    [Output(Description = "The positive label values or interval, as Clarify prints them.")]
    public string LabelValueOrThreshold { get; private set; } = "";

    /// <summary>The files written.</summary>
    [Output(Description = "The files written (analysis.json and report.html under output).")]
    public JsonArray Files { get; private set; } = [];

    /// <summary>The thresholds that failed.</summary>
    [Output(Description = "Failed thresholds: [{facet, value_or_threshold, metric, value, condition}].")]
    public JsonArray FailedThresholds { get; private set; } = [];

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var backends = context.Backends();
        try
        {
            var config = BiasConfigReader.FromJson(await LoadConfigAsync(backends, context.CancellationToken).ConfigureAwait(false), "config");
            var thresholds = BiasThreshold.ParseAll(Thresholds);
            if (string.IsNullOrWhiteSpace(Data))
            {
                throw new BiasCheckException(BiasErrors.InvalidConfig, "data: give the path or s3:// URI of the dataset.");
            }

            BiasAnalysisResult result;
            using (var session = backends.OpenSession())
            {
                result = await BiasAnalysis.RunAsync(session, config, backends.ResolveLocalPath(Data), null, context.CancellationToken).ConfigureAwait(false);
            }

            if (!string.IsNullOrWhiteSpace(Output))
            {
                result = await BiasAnalysis.WriteAsync(result, backends.ResolveLocalPath(Output), thresholds, context.CancellationToken).ConfigureAwait(false);
                var folder = Output.TrimEnd('/');
                Files = [folder + "/analysis.json", folder + "/report.html"];
            }

            Metrics = AnalysisJson.Facets(result.Facets);
            LabelValueOrThreshold = result.LabelValueOrThreshold;
            FailedThresholds = new JsonArray([.. ThresholdCheck.Failures(result, thresholds)]);
            context.SetOutcome(FailedThresholds.Count == 0 ? OutcomePassed : OutcomeFailed);
        }
        catch (BiasCheckException error)
        {
            throw new ActivityFaultException(error.Code, error.Message);
        }
    }

    private async Task<JsonObject> LoadConfigAsync(DataBackends backends, CancellationToken cancellationToken)
    {
        JsonObject config;
        if (Config is JsonValue value && value.TryGetValue<string>(out var path) && !string.IsNullOrWhiteSpace(path))
        {
            var local = backends.ResolveLocalPath(path);
            if (!File.Exists(local))
            {
                throw new BiasCheckException(BiasErrors.InvalidConfig, $"config: '{path}' does not exist; give the path or s3:// URI of analysis_config.json, or the object inline.");
            }

            config = BiasConfigReader.ParseObject(await File.ReadAllTextAsync(local, cancellationToken).ConfigureAwait(false), path);
        }
        else
        {
            config = Config switch
            {
                null => [],
                JsonObject inline => (JsonObject)inline.DeepClone(),
                _ => throw new BiasCheckException(BiasErrors.InvalidConfig, "config: give the path or s3:// URI of analysis_config.json, or the configuration object inline."),
            };
        }

        Override(config, "label", Label);
        Override(config, "label_values_or_threshold", LabelValuesOrThreshold);
        Override(config, "facet", Facet);
        Override(config, "group_variable", GroupVariable);
        if (Methods is not null)
        {
            config["methods"] = new JsonObject { ["pre_training_bias"] = new JsonObject { ["methods"] = Methods.DeepClone() } };
        }

        return config;
    }

    private static void Override(JsonObject config, string key, JsonNode? value)
    {
        if (value is not null)
        {
            config[key] = value.DeepClone();
        }
    }
}
