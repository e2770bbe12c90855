namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>Tells a format from a path, and finds the files of a folder dataset.</summary>
internal static class DatasetFormats
{
    private static readonly string[] CompressionSuffixes = [".gz", ".zst", ".zstd", ".bz2"];

    /// <summary>The format of a file name, or <see cref="DatasetFormat.Auto"/> when the extension says nothing.</summary>
    public static DatasetFormat FromExtension(string path)
    {
        var name = path.ToLowerInvariant();
        foreach (var suffix in CompressionSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        return Path.GetExtension(name) switch
        {
            ".csv" or ".tsv" or ".txt" or ".tab" or ".psv" => DatasetFormat.Csv,
            ".json" or ".jsonl" or ".ndjson" => DatasetFormat.JsonLines,
            ".parquet" or ".pq" => DatasetFormat.Parquet,
            _ => DatasetFormat.Auto,
        };
    }

    /// <summary>
    /// Resolves what DuckDB should read: a file or glob as given, or for a folder a recursive glob over the data files
    /// in it (skipping <c>_SUCCESS</c>-style markers and hidden files), with the format those files share.
    /// </summary>
    public static (string Pattern, DatasetFormat Format) Resolve(string path, DatasetFormat requested)
    {
        if (!Directory.Exists(path))
        {
            if (!IsGlob(path) && !File.Exists(path) && !IsRemote(path))
            {
                throw new DatasetException(DatasetErrorCodes.NotFound, path, $"No file or folder at '{path}'. Check the path (and the working folder).");
            }

            return (path, Decide(path, requested));
        }

        var first = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(IsDataFile)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(f => requested != DatasetFormat.Auto || FromExtension(f) != DatasetFormat.Auto)
            ?? throw new DatasetException(DatasetErrorCodes.NotFound, path, $"The folder '{path}' holds no data files (csv, json, parquet).");
        var format = Decide(first, requested);
        var extension = CompoundExtension(Path.GetFileName(first));
        return (Path.Combine(path, "**", "*" + extension), format);
    }

    private static DatasetFormat Decide(string path, DatasetFormat requested)
    {
        if (requested != DatasetFormat.Auto)
        {
            return requested;
        }

        var format = FromExtension(path);
        return format != DatasetFormat.Auto
            ? format
            : throw new DatasetException(
                DatasetErrorCodes.UnknownFormat,
                path,
                $"Cannot tell the format of '{path}' from its name; give the format (csv, jsonl or parquet) explicitly.");
    }

    private static bool IsDataFile(string file)
    {
        var name = Path.GetFileName(file);
        return !name.StartsWith('.') && !name.StartsWith('_') && !name.EndsWith(".crc", StringComparison.OrdinalIgnoreCase);
    }

    private static string CompoundExtension(string fileName)
    {
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? string.Empty : fileName[dot..];
    }

    private static bool IsGlob(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    private static bool IsRemote(string path) => path.Contains("://", StringComparison.Ordinal);
}
