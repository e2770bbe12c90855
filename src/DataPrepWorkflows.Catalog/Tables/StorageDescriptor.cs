namespace DataPrepWorkflows.Catalog;

/// <summary>Where a table's (or partition's) files are and how to read them, like Glue's <c>StorageDescriptor</c>.</summary>
public sealed record StorageDescriptor
{
    /// <summary>Data columns (partition keys are on the table).</summary>
    public IReadOnlyList<Column>? Columns { get; init; }

    /// <summary>Folder of the data, for example <c>s3://raw/loans/</c>.</summary>
    public string? Location { get; init; }

    /// <summary>Hadoop input format class.</summary>
    public string? InputFormat { get; init; }

    /// <summary>Hadoop output format class.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>Whether the files are compressed.</summary>
    public bool? Compressed { get; init; }

    /// <summary>Number of buckets; crawlers write -1 (not bucketed).</summary>
    public int? NumberOfBuckets { get; init; }

    /// <summary>The SerDe.</summary>
    public SerDeInfo? SerdeInfo { get; init; }

    /// <summary>Bucketing columns.</summary>
    public IReadOnlyList<string>? BucketColumns { get; init; }

    /// <summary>Sort columns.</summary>
    public IReadOnlyList<Order>? SortColumns { get; init; }

    /// <summary>Key/value properties; crawlers copy the table's statistics here.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Whether the data is stored in sub-directories.</summary>
    public bool? StoredAsSubDirectories { get; init; }
}
