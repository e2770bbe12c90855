namespace DataPrepWorkflows.Catalog;

/// <summary>A partition of a table, shaped and serialised like Glue's <c>Partition</c>.</summary>
public sealed record Partition
{
    /// <summary>One value per partition key, in key order; always strings, as in Glue.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>Lower-cased database name.</summary>
    public string? DatabaseName { get; init; }

    /// <summary>Lower-cased table name.</summary>
    public string? TableName { get; init; }

    /// <summary>When the partition was created.</summary>
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>When the partition was last accessed.</summary>
    public DateTimeOffset? LastAccessTime { get; init; }

    /// <summary>Where the partition's files are (for example <c>s3://raw/loans/year=2024/</c>) and how to read them.</summary>
    public StorageDescriptor? StorageDescriptor { get; init; }

    /// <summary>Key/value properties.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>When column statistics were last computed.</summary>
    public DateTimeOffset? LastAnalyzedTime { get; init; }

    /// <summary>The AWS account of the catalog; absent locally.</summary>
    public string? CatalogId { get; init; }
}
