namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>How a crawler classifies one file from its name, as Glue's built-in classifiers do.</summary>
/// <param name="Classification"><c>csv</c>, <c>json</c> or <c>parquet</c>.</param>
/// <param name="CompressionType"><c>none</c>, <c>gzip</c> or <c>zstd</c> (for Parquet, its inner codec such as <c>snappy</c>).</param>
internal sealed record FileClassification(string Classification, string CompressionType)
{
    public const string Csv = "csv";
    public const string Json = "json";
    public const string Parquet = "parquet";

    /// <summary>
    /// The classification of a file name, or <see langword="null"/> when the crawler skips it: markers and hidden
    /// files (<c>_SUCCESS</c>, <c>.crc</c>, names starting with <c>_</c> or <c>.</c>) and formats DuckDB cannot read
    /// (bzip2, snappy-framed text).
    /// </summary>
    public static FileClassification? FromName(string fileName)
    {
        if (fileName.Length == 0 || fileName.StartsWith('_') || fileName.StartsWith('.')
            || fileName.EndsWith(".crc", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith("$folder$", StringComparison.Ordinal))
        {
            return null;
        }

        var name = fileName.ToLowerInvariant();
        var compression = "none";
        foreach (var (suffix, type) in Compressions)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                compression = type;
                name = name[..^suffix.Length];
                break;
            }
        }

        var classification = Path.GetExtension(name) switch
        {
            ".csv" or ".tsv" or ".txt" or ".psv" => Csv,
            ".json" or ".jsonl" or ".ndjson" => Json,
            ".parquet" or ".pq" => Parquet,
            _ => null,
        };

        // Parquet compresses inside the file (".snappy.parquet"); an outer codec on it is not something DuckDB reads.
        return classification is null || (classification == Parquet && compression != "none")
            ? null
            : new FileClassification(classification, classification == Parquet ? ParquetCodec(name) : compression);
    }

    private static readonly (string Suffix, string Type)[] Compressions =
    [
        (".gz", "gzip"), (".gzip", "gzip"), (".zst", "zstd"), (".zstd", "zstd"),
    ];

    private static string ParquetCodec(string name) =>
        name.Contains(".snappy.", StringComparison.Ordinal) ? "snappy"
        : name.Contains(".gz.", StringComparison.Ordinal) ? "gzip"
        : name.Contains(".zstd.", StringComparison.Ordinal) ? "zstd"
        : "none";
}
