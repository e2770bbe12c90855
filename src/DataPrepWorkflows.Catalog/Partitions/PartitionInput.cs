namespace DataPrepWorkflows.Catalog;

/// <summary>What a caller supplies to create or update a partition, like Glue's <c>PartitionInput</c>.</summary>
public sealed record PartitionInput
{
    /// <summary>One value per partition key of the table, in key order.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <summary>When the partition was last accessed.</summary>
    public DateTimeOffset? LastAccessTime { get; init; }

    /// <summary>Where the partition's files are and how to read them.</summary>
    public StorageDescriptor? StorageDescriptor { get; init; }

    /// <summary>Key/value properties.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>When column statistics were last computed.</summary>
    public DateTimeOffset? LastAnalyzedTime { get; init; }
}
