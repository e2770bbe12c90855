using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>
/// Lands a deterministic sample dataset in storage, so a workflow (and a new user) has realistic raw data to prepare
/// without an AWS account. The data carries documented defects for the cleaning, quality and bias activities to find.
/// </summary>
[Activity("GenerateSample", Category = "Sample data",
    Description = "Writes a deterministic sample dataset with documented defects (loan applications) as CSV to storage.")]
public sealed class GenerateSample : CodeActivity
{
    /// <summary>The dataset to generate.</summary>
    [Input(Description = "Which sample dataset to write.", AllowedValues = ["loan-applications"], DefaultJson = "\"loan-applications\"")]
    public string Dataset { get; set; } = "loan-applications";

    /// <summary>Where to write.</summary>
    [Input(Description = "An s3:// prefix (the file loan-applications.csv is written under it) or an s3:// key ending in .csv.", Required = true)]
    public string Output { get; set; } = "";

    /// <summary>Number of data rows.</summary>
    [Input(Description = "Number of data rows, duplicates included.", DefaultJson = "1000")]
    public int Rows { get; set; } = 1000;

    /// <summary>Seed of the generator.</summary>
    [Input(Description = "Seed; the same seed writes byte-identical data.", DefaultJson = "42")]
    public long Seed { get; set; } = 42;

    /// <summary>The object written.</summary>
    [Output(Description = "The s3:// URI of the CSV file written.")]
    public string Path { get; private set; } = "";

    /// <summary>Rows written.</summary>
    [Output(Description = "Data rows written.")]
    public int RowsWritten { get; private set; }

    /// <summary>The planted defects and approval rates.</summary>
    [Output(Description = "The defects planted (missing values, duplicates, outliers, messy text) and the approval rates by sex.")]
    public JsonObject? Defects { get; private set; }

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Rows < 0)
        {
            throw new ActivityFaultException("States.InputError", $"activity '{context.ActivityId}': rows must be 0 or more, not {Rows}.");
        }

        S3Uri target;
        try
        {
            target = LoanSampleWriter.ResolveTarget(Output);
        }
        catch (StorageException e)
        {
            throw new ActivityFaultException("States.InputError", $"activity '{context.ActivityId}' input 'output': {e.Message}");
        }

        var options = new LoanSampleOptions { Rows = Rows, Seed = unchecked((ulong)Seed) };
        var (report, written) = await LoanSampleWriter.WriteAsync(context.Backends().Storage, target, options, context.CancellationToken).ConfigureAwait(false);
        Path = written.Uri.ToString();
        RowsWritten = report.Rows;
        Defects = JsonSerializer.SerializeToNode(report, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        context.Logger.LogSampleWritten(RowsWritten, Path);
    }
}
