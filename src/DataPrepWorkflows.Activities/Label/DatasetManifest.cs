using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Activities.Label;

/// <summary>
/// Writes a dataset as a Ground Truth input manifest with DuckDB: one JSON line per row, every column passed through,
/// and the chosen column copied to <c>source</c> (text) or <c>source-ref</c> (object URI).
/// </summary>
internal static class DatasetManifest
{
    public static async Task<string> BuildAsync(DataBackends backends, string data, string? sourceColumn, string? sourceRefColumn, string jobName, CancellationToken cancellationToken)
    {
        var (column, key) = (sourceColumn, sourceRefColumn) switch
        {
            ({ Length: > 0 } text, null or "") => (text, "source"),
            (null or "", { Length: > 0 } reference) => (reference, "source-ref"),
            _ => throw new LabelingException(LabelingErrorCodes.InvalidLocation, "sourceColumn",
                "with data, give exactly one of sourceColumn (the text to label) and sourceRefColumn (each object's s3:// URI)."),
        };

        var folder = Path.Combine(backends.StateFolder, "labeling", jobName);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "input.manifest");
        try
        {
            using var session = backends.OpenSession();
            var dataset = session.Open(backends.ResolveLocalPath(data));
            var schema = await dataset.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            if (!schema.Columns.Any(c => c.Name == column))
            {
                throw new LabelingException(LabelingErrorCodes.InvalidLocation, key == "source" ? "sourceColumn" : "sourceRefColumn",
                    $"'{column}' is not a column of {data}; its columns are {string.Join(", ", schema.Columns.Select(c => c.Name))}.");
            }

            var rest = schema.Columns.Where(c => c.Name != key).Select(c => Identifier(c.Name));
            var select = string.Join(", ", rest.Append($"COALESCE(CAST({Identifier(column)} AS VARCHAR), '') AS {Identifier(key)}"));
            await session.ExecuteAsync($"COPY (SELECT {select} FROM {dataset.Relation}) TO {Literal(path)} (FORMAT JSON)", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DatasetException or DuckDbException)
        {
            throw new LabelingException(LabelingErrorCodes.InvalidLocation, "data", $"'{data}' cannot be read as a dataset: {e.Message}");
        }

        return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
