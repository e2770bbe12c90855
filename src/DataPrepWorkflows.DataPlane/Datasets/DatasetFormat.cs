namespace DataPrepWorkflows.DataPlane.Datasets;

/// <summary>File formats a dataset is read from or written to.</summary>
public enum DatasetFormat
{
    /// <summary>Decide from the file extension (<c>.csv</c>, <c>.tsv</c>, <c>.json</c>, <c>.jsonl</c>, <c>.ndjson</c>, <c>.parquet</c>, optionally <c>.gz</c>/<c>.zst</c>).</summary>
    Auto = 0,
    /// <summary>Delimited text.</summary>
    Csv,
    /// <summary>JSON Lines: one JSON object per line.</summary>
    JsonLines,
    /// <summary>Apache Parquet.</summary>
    Parquet,
}
