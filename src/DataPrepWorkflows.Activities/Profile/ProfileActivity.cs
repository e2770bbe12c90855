using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>
/// Profiles a dataset like a DataBrew profile job — dataset figures, per-column statistics, histograms, outliers and
/// correlations — honouring DataBrew's profile configuration, and writes <c>profile.json</c> (DataBrew's output
/// shape) and a self-contained <c>report.html</c> to the output folder.
/// </summary>
[Activity("Profile", Category = "Data preparation", Description = "Profiles a dataset like a DataBrew profile job: per-column statistics, histograms, outliers, correlations; writes profile.json and an offline HTML report.")]
public sealed class ProfileActivity : CodeActivity
{
    /// <summary>The dataset to profile.</summary>
    [Input(Required = true, Order = 0, Description = "The data: a CSV, JSON Lines or Parquet file, folder or glob; a local path or s3:// URI.")]
    public string Data { get; set; } = "";

    /// <summary>The folder profile.json and report.html go to.</summary>
    [Input(Required = true, Order = 1, Description = "Output folder (local path or s3:// URI) for profile.json and report.html.")]
    public string Output { get; set; } = "";

    /// <summary>DataBrew's profile configuration.</summary>
    [Input(Order = 2, Description = "DataBrew profile configuration: {ProfileColumns, DatasetStatisticsConfiguration, ColumnStatisticsConfigurations}. Defaults to every column and statistic.")]
    public JsonObject? Configuration { get; set; }

    /// <summary>Rows profiled.</summary>
    [Output(Description = "Rows profiled.")]
    public long RowCount { get; private set; }

    /// <summary>Columns profiled.</summary>
    [Output(Description = "Columns profiled.")]
    public int ColumnCount { get; private set; }

    /// <summary>Rows repeating an earlier row.</summary>
    [Output(Description = "Rows that repeat an earlier row (0 when DUPLICATE_ROWS_COUNT was not computed).")]
    public long DuplicateRowsCount { get; private set; }

    /// <summary>Missing values per profiled column.</summary>
    [Output(Description = "Missing values per column: {\"age\": 12, …}.")]
    public JsonObject MissingValues { get; private set; } = [];

    /// <summary>Where profile.json was written.</summary>
    [Output(Description = "The profile.json path or URI.")]
    public string ProfilePath { get; private set; } = "";

    /// <summary>Where report.html was written.</summary>
    [Output(Description = "The report.html path or URI.")]
    public string ReportPath { get; private set; } = "";

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(Data) || string.IsNullOrWhiteSpace(Output))
        {
            throw new ActivityFaultException(ProfileErrors.InvalidInput, "data and output: give the dataset's path or s3:// URI and an output folder.");
        }

        ProfileConfiguration configuration;
        try
        {
            configuration = ProfileConfiguration.Parse(Configuration);
        }
        catch (FormatException error)
        {
            throw new ActivityFaultException(ProfileErrors.InvalidInput, error.Message);
        }

        var backends = context.Backends();
        DataProfile profile;
        try
        {
            using var session = backends.OpenSession();
            var dataset = session.Open(backends.ResolveLocalPath(Data));
            profile = await DataProfiler.ProfileAsync(session, dataset, configuration, context.CancellationToken).ConfigureAwait(false);
        }
        catch (DatasetException error)
        {
            throw new ActivityFaultException(ProfileErrors.DataUnreadable, error.Message);
        }

        await ProfileFiles.WriteAsync(profile, backends.ResolveLocalPath(Output), Path.GetFileName(Data.TrimEnd('/')), context.CancellationToken).ConfigureAwait(false);
        RowCount = profile.RowCount;
        ColumnCount = profile.ColumnCount;
        DuplicateRowsCount = profile.DuplicateRowsCount ?? 0;
        foreach (var column in profile.Json["columns"]!.AsArray().OfType<JsonObject>())
        {
            MissingValues[column["name"]!.GetValue<string>()] = column["missingValuesCount"]?.DeepClone();
        }

        var folder = Output.TrimEnd('/');
        ProfilePath = folder + "/" + ProfileFiles.JsonFile;
        ReportPath = folder + "/" + ProfileFiles.ReportFile;
    }
}
