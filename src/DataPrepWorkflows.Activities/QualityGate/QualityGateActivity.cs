using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Dqdl;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Evaluates a DQDL ruleset (AWS Glue Data Quality's language) against a dataset on the local data plane and routes
/// the workflow on the result: <c>Passed</c> when every rule passed, <c>Failed</c> otherwise. Optionally splits the
/// rows into passing and quarantined outputs and writes a self-contained HTML report.
/// </summary>
[Activity("QualityGate", Category = "Data quality", Description = "Evaluates a DQDL ruleset against a dataset with AWS Glue Data Quality semantics; routes on Passed/Failed.")]
[Outcomes(OutcomePassed, OutcomeFailed)]
public sealed class QualityGateActivity : CodeActivity
{
    /// <summary>The outcome when every rule passed.</summary>
    public const string OutcomePassed = "Passed";

    /// <summary>The outcome when a rule failed or could not be evaluated.</summary>
    public const string OutcomeFailed = "Failed";

    /// <summary>The ruleset: DQDL text, or the path / <c>s3://</c> URI of a <c>.dqdl</c> file.</summary>
    [Input(Required = true, Order = 0, UIHint = "code", Description = "DQDL ruleset text (Rules = [ … ]), or the path or s3:// URI of a .dqdl file.")]
    public string Ruleset { get; set; } = "";

    /// <summary>The dataset to check.</summary>
    [Input(Required = true, Order = 1, Description = "The data: a CSV, JSON Lines or Parquet file, folder or glob; a local path or s3:// URI.")]
    public string Data { get; set; } = "";

    /// <summary>Additional data sources by alias.</summary>
    [Input(Order = 2, Description = "Reference datasets by alias, for ReferentialIntegrity, DatasetMatch, RowCountMatch, SchemaMatch and AggregateMatch: {\"reference\": \"s3://ref/customers.csv\"}.")]
    public JsonObject? References { get; set; }

    /// <summary>The name metric history is kept under.</summary>
    [Input(Order = 3, Description = "Name the metric history is kept under (dynamic rules such as avg(last(10)) and DetectAnomalies). Defaults to the data file's name.")]
    public string? DatasetName { get; set; }

    /// <summary>Where rows meeting every row-level rule go.</summary>
    [Input(Order = 4, Description = "Optional output for rows that meet every row-level rule (format by extension: .csv, .json, .parquet).")]
    public string? PassingOutput { get; set; }

    /// <summary>Where rows failing a row-level rule go.</summary>
    [Input(Order = 5, Description = "Optional quarantine output for rows that fail a row-level rule, with DataQualityRulesPass, DataQualityRulesFail and DataQualityEvaluationResult columns.")]
    public string? FailingOutput { get; set; }

    /// <summary>Where the HTML report goes.</summary>
    [Input(Order = 6, Description = "Optional path or s3:// URI of a self-contained HTML report.")]
    public string? ReportOutput { get; set; }

    /// <summary>Passed rules over all rules.</summary>
    [Output(Description = "Passed rules over all rules (0 to 1).")]
    public double Score { get; private set; }

    /// <summary>Rules that passed.</summary>
    [Output(Description = "Rules that passed.")]
    public int Passed { get; private set; }

    /// <summary>Rules that failed.</summary>
    [Output(Description = "Rules that failed.")]
    public int Failed { get; private set; }

    /// <summary>Rules that could not be evaluated.</summary>
    [Output(Description = "Rules that could not be evaluated (Error outcome).")]
    public int Errors { get; private set; }

    /// <summary>The per-rule results in Glue's shape.</summary>
    [Output(Description = "Per-rule results as Glue reports them: [{Rule, Outcome, FailureReason, EvaluatedMetrics}].")]
    public JsonArray Results { get; private set; } = [];

    /// <summary>Rows that met every row-level rule, when row-level outputs were asked for.</summary>
    [Output(Description = "Rows written to passingOutput (rows meeting every row-level rule).")]
    public long PassingRows { get; private set; }

    /// <summary>Rows that failed a row-level rule, when row-level outputs were asked for.</summary>
    [Output(Description = "Rows written to failingOutput.")]
    public long FailingRows { get; private set; }

    /// <summary>The HTML report written, if any.</summary>
    [Output(Description = "The HTML report's path, when reportOutput was given.")]
    public string? Report { get; private set; }

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var backends = context.Backends();
        var ruleset = await LoadRulesetAsync(backends, context.CancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(Data))
        {
            throw new ActivityFaultException(QualityGateErrors.InvalidInput, "data: give the path or s3:// URI of the dataset to check.");
        }

        DataQualityReport report;
        try
        {
            report = await DataQualityEvaluator.EvaluateAsync(
                backends,
                ruleset,
                Data,
                ReferencePaths(),
                new DataQualityOptions { DatasetName = DatasetName, Clock = context.Clock, PassingOutput = PassingOutput, FailingOutput = FailingOutput },
                context.CancellationToken).ConfigureAwait(false);
        }
        catch (DatasetException error)
        {
            throw new ActivityFaultException(QualityGateErrors.DataUnreadable, error.Message);
        }

        Score = report.Score;
        Passed = report.Passed;
        Failed = report.Failed;
        Errors = report.Errors;
        Results = DataQualityResultJson.Results(report.Results);
        PassingRows = report.RowOutputs?.PassingRows ?? 0;
        FailingRows = report.RowOutputs?.FailingRows ?? 0;
        if (!string.IsNullOrWhiteSpace(ReportOutput))
        {
            var path = backends.ResolveLocalPath(ReportOutput);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, QualityReportHtml.Render(report), context.CancellationToken).ConfigureAwait(false);
            Report = ReportOutput;
        }

        context.SetOutcome(report.AllPassed ? OutcomePassed : OutcomeFailed);
    }

    private Dictionary<string, string> ReferencePaths()
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, value) in References ?? [])
        {
            references[alias] = value is JsonValue path && path.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
                ? text
                : throw new ActivityFaultException(QualityGateErrors.InvalidInput, $"references.{alias}: give the path or s3:// URI of the reference dataset as a string.");
        }

        return references;
    }

    private async Task<DqdlDocument> LoadRulesetAsync(DataBackends backends, CancellationToken cancellationToken)
    {
        var text = Ruleset;
        var source = "ruleset";
        if (!string.IsNullOrWhiteSpace(text) && !text.Contains('[', StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal))
        {
            source = text.Trim();
            var path = backends.ResolveLocalPath(source);
            text = File.Exists(path)
                ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)
                : throw new ActivityFaultException(QualityGateErrors.InvalidInput, $"ruleset: no DQDL file at '{source}'; give DQDL text (Rules = [ … ]) or the path of a .dqdl file.");
        }

        var parsed = DqdlDocument.Parse(text);
        return parsed.Document ?? throw new ActivityFaultException(
            QualityGateErrors.InvalidRuleset,
            string.Join(Environment.NewLine, parsed.Diagnostics.Select(d => $"{source}:{d.Line}:{d.Column}: {d.Code} {d.Message}")));
    }
}
