namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>How a dataset is written.</summary>
public sealed record DatasetWriteOptions
{
    /// <summary>The output format.</summary>
    /// <value>Defaults to <see cref="DatasetFormat.Auto"/>: from the path's extension, Parquet when it has none.</value>
    public DatasetFormat Format { get; init; } = DatasetFormat.Auto;

    /// <summary>
    /// Columns to partition by. When set, the path is a folder and rows land in <c>col=value/</c> sub-folders, as
    /// Hive, Glue and Athena expect; the partition columns are not repeated inside the files.
    /// </summary>
    public IReadOnlyList<string> PartitionBy { get; init; } = [];

    /// <summary>
    /// Compression codec: for Parquet <c>snappy</c> (default), <c>zstd</c>, <c>gzip</c> or <c>uncompressed</c>;
    /// for CSV and JSON <c>gzip</c> or <c>zstd</c> (default: from the extension, else none).
    /// </summary>
    public string? Compression { get; init; }

    /// <summary>CSV details (delimiter, header, quote, escape, NULL text).</summary>
    public CsvOptions Csv { get; init; } = new();

    /// <summary>Replace existing output (a file, or the whole partition folder).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Overwrite { get; init; } = true;
}
