using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>Runs a write: COPY into a temporary file then rename, or a partitioned COPY into a folder.</summary>
internal static class DatasetWriter
{
    public static DatasetWriteResult Write(
        DuckDbConnection connection, string query, string path, DatasetFormat format, DatasetWriteOptions options, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (options.PartitionBy.Count > 0)
        {
            if (File.Exists(fullPath))
            {
                throw new DatasetException(DatasetErrorCodes.InvalidOption, path, $"'{path}' is a file; a partitioned write needs a folder path.");
            }

            var rows = connection.Execute(WriteStatement.Build(query, fullPath, format, options), cancellationToken);
            var files = Directory.EnumerateFiles(fullPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            return new DatasetWriteResult(fullPath, format, rows, files);
        }

        if (!options.Overwrite && File.Exists(fullPath))
        {
            throw new DatasetException(DatasetErrorCodes.WriteFailed, path, $"'{path}' already exists; remove it or allow overwriting.");
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        // Same folder, hidden, keeping the extension so DuckDB still infers compression from it.
        var temporary = Path.Combine(folder, $".tmp-{Guid.NewGuid():N}-{Path.GetFileName(fullPath)}");
        try
        {
            var rows = connection.Execute(WriteStatement.Build(query, temporary, format, options), cancellationToken);
            File.Move(temporary, fullPath, overwrite: true);
            return new DatasetWriteResult(fullPath, format, rows, [fullPath]);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
