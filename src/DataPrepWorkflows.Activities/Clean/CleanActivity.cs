using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Clean.Running;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Clean;

/// <summary>
/// Runs an AWS Glue DataBrew recipe (DataBrew's own JSON) on a dataset with DuckDB: validates it against the data's
/// columns first, then compiles every step to SQL and writes the cleaned data, optionally registering it in the catalog.
/// </summary>
[Activity("Clean", Category = "Data preparation", Description = "Cleans a dataset with an AWS Glue DataBrew recipe (same JSON as the DataBrew console), compiled to DuckDB SQL.")]
public sealed class CleanActivity : CodeActivity
{
    /// <summary>The recipe: inline JSON, or a path or s3:// URI of a recipe file.</summary>
    [Input(Required = true, Order = 0, Description = "The DataBrew recipe: an inline array of steps ({\"Action\": {\"Operation\", \"Parameters\"}, \"ConditionExpressions\"}), a recipe object {\"Name\", \"Steps\"}, or the path / s3:// URI of a recipe JSON file (e.g. downloaded from the DataBrew console).")]
    public JsonNode? Recipe { get; set; }

    /// <summary>The input dataset.</summary>
    [Input(Required = true, Order = 1, Description = "The data to clean: a path or s3:// URI of a CSV, JSON Lines or Parquet file, glob or folder.")]
    public string Data { get; set; } = "";

    /// <summary>Where the cleaned data goes.</summary>
    [Input(Required = true, Order = 2, Description = "Where to write the cleaned data (path or s3:// URI); the format comes from the extension unless 'format' says otherwise.")]
    public string Output { get; set; } = "";

    /// <summary>The output format.</summary>
    [Input(Order = 3, AllowedValues = ["csv", "parquet", "json"], Description = "Output format: csv, parquet or json (JSON Lines). Defaults to the output's extension, else Parquet.")]
    public string? Format { get; set; }

    /// <summary>Partition columns.</summary>
    [Input(Order = 4, Description = "Columns to partition the output by (Hive-style key=value folders); the output is then a folder.")]
    public IReadOnlyList<string>? PartitionBy { get; set; }

    /// <summary>The catalog table to register.</summary>
    [Input(Order = 5, Description = "database.table to create or update in the data catalog for the cleaned data.")]
    public string? OutputTable { get; set; }

    /// <summary>Where the cleaned data was written.</summary>
    [Output(Description = "The cleaned dataset's path or URI, as given in 'output'.")]
    public string OutputPath { get; private set; } = "";

    /// <summary>The catalog table registered, if any.</summary>
    [Output(Description = "The catalog table (database.table) registered for the output, or null.")]
    public string? Table { get; private set; }

    /// <summary>Rows and columns after each step.</summary>
    [Output(Description = "Per step: {step, operation, rows, columns, valuesFilled}; step 0 is the input.")]
    public JsonArray Steps { get; private set; } = [];

    /// <summary>The recipe's overall effect.</summary>
    [Output(Description = "{rowsIn, rowsOut, rowsRemoved, valuesFilled, columnsAdded[], columnsRemoved[]}.")]
    public JsonObject Diff { get; private set; } = [];

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var backends = context.Backends();
        var token = context.CancellationToken;
        var recipe = await RecipeSource.LoadAsync(Recipe, backends, token).ConfigureAwait(false);
        var write = new DatasetWriteOptions { Format = OutputFormat(), PartitionBy = PartitionBy ?? [] };
        var output = backends.ResolveLocalPath(Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        using var session = backends.OpenSession();
        RecipeRunResult result;
        try
        {
            result = await new RecipeRunner(session).RunAsync(recipe, backends.ResolveLocalPath(Data), output, write, cancellationToken: token).ConfigureAwait(false);
        }
        catch (DatasetException error)
        {
            throw new ActivityFaultException(CleanErrors.DataError, error.Message, error);
        }

        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Validation.Diagnostics)
            {
                CleanLog.Rejected(context.Logger, diagnostic.ToString());
            }

            throw new ActivityFaultException(CleanErrors.InvalidRecipe, "The recipe cannot run on this data:" + Environment.NewLine + result.Validation);
        }

        Report(context, result);
        OutputPath = Output;
        if (!string.IsNullOrWhiteSpace(OutputTable))
        {
            Table = await CleanCatalog.RegisterAsync(backends.Catalog, OutputTable, Output, write, result, token).ConfigureAwait(false);
        }
    }

    private DatasetFormat OutputFormat() => Format?.ToUpperInvariant() switch
    {
        null or "" => DatasetFormat.Auto,
        "CSV" => DatasetFormat.Csv,
        "PARQUET" => DatasetFormat.Parquet,
        "JSON" => DatasetFormat.JsonLines,
        _ => throw new ActivityFaultException(CleanErrors.InvalidInput, $"format: '{Format}' is not csv, parquet or json."),
    };

    private void Report(ActivityContext context, RecipeRunResult result)
    {
        Steps = [];
        foreach (var step in result.Steps)
        {
            CleanLog.Step(context.Logger, step.Step, step.Operation, step.Rows, step.Columns, step.ValuesFilled);
            Steps.Add(new JsonObject
            {
                ["step"] = step.Step,
                ["operation"] = step.Operation,
                ["rows"] = step.Rows,
                ["columns"] = step.Columns,
                ["valuesFilled"] = step.ValuesFilled,
            });
        }

        var diff = result.Diff!;
        Diff = new JsonObject
        {
            ["rowsIn"] = diff.RowsIn,
            ["rowsOut"] = diff.RowsOut,
            ["rowsRemoved"] = diff.RowsRemoved,
            ["valuesFilled"] = diff.ValuesFilled,
            ["columnsAdded"] = new JsonArray([.. diff.ColumnsAdded.Select(c => JsonValue.Create(c))]),
            ["columnsRemoved"] = new JsonArray([.. diff.ColumnsRemoved.Select(c => JsonValue.Create(c))]),
        };
        CleanLog.Done(context.Logger, diff.RowsOut, Output, diff.RowsRemoved, diff.ValuesFilled, string.Join(", ", diff.ColumnsAdded), string.Join(", ", diff.ColumnsRemoved));
    }
}
