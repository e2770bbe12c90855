using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Split;

/// <summary>
/// Splits a dataset into train, validation and test files: by ratios, stratified by a label, grouped by a key (no group
/// spans two splits) or by time (oldest rows train); deterministic under a seed.
/// </summary>
[Activity("Split", Category = "Data preparation", Description = "Splits a dataset into train/validation/test files by ratios, stratified by label, grouped by key or by time; deterministic under a seed.")]
public sealed class SplitActivity : CodeActivity
{
    /// <summary>The dataset to split.</summary>
    [Input(Required = true, Order = 0, Description = "The data: a CSV, JSON Lines or Parquet file, folder or glob; a local path or s3:// URI.")]
    public string Data { get; set; } = "";

    /// <summary>The folder the splits go to.</summary>
    [Input(Required = true, Order = 1, Description = "Output folder (local path or s3:// URI) for train, validation and test files.")]
    public string Output { get; set; } = "";

    /// <summary>Shares of train, validation and test.</summary>
    [Input(Order = 2, Description = "Shares as {\"train\": 0.7, \"validation\": 0.15, \"test\": 0.15} (normalised; a zero share writes no file).")]
    public JsonObject? Ratios { get; set; }

    /// <summary>The seed.</summary>
    [Input(Order = 3, Description = "Seed of the hash-based assignment: the same seed gives the same split on any machine.", DefaultJson = "42")]
    public long Seed { get; set; } = 42;

    /// <summary>Label column for stratification.</summary>
    [Input(Order = 4, Description = "Label column: every split keeps its proportions (and the outputs report them).")]
    public string? LabelColumn { get; set; }

    /// <summary>Group column.</summary>
    [Input(Order = 5, Description = "Group column: all rows with the same value land in the same split.")]
    public string? GroupColumn { get; set; }

    /// <summary>Time column.</summary>
    [Input(Order = 6, Description = "Timestamp column for a time-based split: oldest rows train, newest test.")]
    public string? TimeColumn { get; set; }

    /// <summary>Output format.</summary>
    [Input(Order = 7, Description = "Output format: parquet, csv or json.", DefaultJson = "\"parquet\"", AllowedValues = ["parquet", "csv", "json"])]
    public string Format { get; set; } = "parquet";

    /// <summary>Per split: path, rows and label balance.</summary>
    [Output(Description = "Per split: {\"train\": {\"path\", \"rows\", \"labels\": {value: count}}, …}.")]
    public JsonObject Splits { get; private set; } = [];

    /// <summary>Where the training file went.</summary>
    [Output(Description = "The train file's path or URI.")]
    public string? TrainPath { get; private set; }

    /// <summary>Where the validation file went.</summary>
    [Output(Description = "The validation file's path or URI.")]
    public string? ValidationPath { get; private set; }

    /// <summary>Where the test file went.</summary>
    [Output(Description = "The test file's path or URI.")]
    public string? TestPath { get; private set; }

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(Data) || string.IsNullOrWhiteSpace(Output))
        {
            throw new ActivityFaultException(SplitErrors.InvalidInput, "data and output: give the dataset's path or s3:// URI and an output folder.");
        }

        var options = new SplitOptions
        {
            Train = Share("train", 0.7),
            Validation = Share("validation", 0.15),
            Test = Share("test", 0.15),
            Seed = Seed,
            LabelColumn = Blank(LabelColumn),
            GroupColumn = Blank(GroupColumn),
            TimeColumn = Blank(TimeColumn),
            Format = Format,
        };
        var backends = context.Backends();
        SplitResult result;
        try
        {
            using var session = backends.OpenSession();
            result = await DataSplitter.SplitAsync(session, session.Open(backends.ResolveLocalPath(Data)), backends.ResolveLocalPath(Output), options, context.CancellationToken)
                .ConfigureAwait(false);
        }
        catch (FormatException error)
        {
            throw new ActivityFaultException(SplitErrors.InvalidInput, error.Message);
        }
        catch (DatasetException error)
        {
            throw new ActivityFaultException(SplitErrors.DataUnreadable, error.Message);
        }

        var folder = Output.TrimEnd('/');
        foreach (var part in result.Parts)
        {
            var uri = folder + "/" + Path.GetFileName(part.Path);
            var labels = new JsonObject();
            foreach (var (label, count) in part.LabelCounts)
            {
                labels[label] = count;
            }

            Splits[part.Name] = new JsonObject { ["path"] = uri, ["rows"] = part.Rows, ["labels"] = labels };
            switch (part.Name)
            {
                case "train":
                    TrainPath = uri;
                    break;
                case "validation":
                    ValidationPath = uri;
                    break;
                default:
                    TestPath = uri;
                    break;
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private double Share(string name, double fallback) =>
        Ratios?[name] switch
        {
            null => Ratios is null ? fallback : 0,
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new ActivityFaultException(SplitErrors.InvalidInput, $"ratios.{name}: give a number such as 0.7."),
        };
}
