namespace DataPrepWorkflows.Catalog;

/// <summary>What a caller supplies to create or update a table, like Glue's <c>TableInput</c>.</summary>
public sealed record TableInput
{
    /// <summary>Table name; lower-cased on the way in, as Glue does.</summary>
    public required string Name { get; init; }

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>Owner of the table.</summary>
    public string? Owner { get; init; }

    /// <summary>When the table was last accessed.</summary>
    public DateTimeOffset? LastAccessTime { get; init; }

    /// <summary>When column statistics were last computed.</summary>
    public DateTimeOffset? LastAnalyzedTime { get; init; }

    /// <summary>Retention time.</summary>
    public int? Retention { get; init; }

    /// <summary>Columns, location and formats.</summary>
    public StorageDescriptor? StorageDescriptor { get; init; }

    /// <summary>Partition keys.</summary>
    public IReadOnlyList<Column>? PartitionKeys { get; init; }

    /// <summary>For views: the original SQL.</summary>
    public string? ViewOriginalText { get; init; }

    /// <summary>For views: the expanded SQL.</summary>
    public string? ViewExpandedText { get; init; }

    /// <summary>Table type, usually <see cref="Table.ExternalTable"/>.</summary>
    public string? TableType { get; init; }

    /// <summary>Properties (see <see cref="TableParameters"/>).</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>The input that recreates <paramref name="table"/>: the starting point for an update.</summary>
    /// <param name="table">An existing table.</param>
    public static TableInput From(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new TableInput
        {
            Name = table.Name,
            Description = table.Description,
            Owner = table.Owner,
            LastAccessTime = table.LastAccessTime,
            LastAnalyzedTime = table.LastAnalyzedTime,
            Retention = table.Retention,
            StorageDescriptor = table.StorageDescriptor,
            PartitionKeys = table.PartitionKeys,
            ViewOriginalText = table.ViewOriginalText,
            ViewExpandedText = table.ViewExpandedText,
            TableType = table.TableType,
            Parameters = table.Parameters,
        };
    }
}
