namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>The names users type for formats (CLI options, workflow inputs): <c>csv</c>, <c>jsonl</c>/<c>json</c>, <c>parquet</c>.</summary>
public static class DatasetFormatNames
{
    /// <summary>Reads a format name, case-insensitively.</summary>
    /// <param name="name">The name.</param>
    /// <param name="format">The format.</param>
    /// <returns><see langword="true"/> when the name is known.</returns>
    public static bool TryParse(string? name, out DatasetFormat format)
    {
        format = name?.Trim().ToLowerInvariant() switch
        {
            "csv" or "tsv" or "text" => DatasetFormat.Csv,
            "json" or "jsonl" or "jsonlines" or "ndjson" => DatasetFormat.JsonLines,
            "parquet" => DatasetFormat.Parquet,
            "auto" => DatasetFormat.Auto,
            _ => (DatasetFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>The name of a format as users type it.</summary>
    /// <param name="format">The format.</param>
    /// <returns><c>csv</c>, <c>jsonl</c>, <c>parquet</c> or <c>auto</c>.</returns>
    public static string ToName(DatasetFormat format) => format switch
    {
        DatasetFormat.Csv => "csv",
        DatasetFormat.JsonLines => "jsonl",
        DatasetFormat.Parquet => "parquet",
        _ => "auto",
    };
}
