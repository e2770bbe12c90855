namespace DataPrepWorkflows.Catalog;

/// <summary>A column (or partition key) with its Hive type name, like Glue's <c>Column</c>.</summary>
public sealed record Column
{
    /// <summary>Column name.</summary>
    public required string Name { get; init; }

    /// <summary>Hive type name: <c>bigint</c>, <c>double</c>, <c>decimal(10,2)</c>, <c>string</c>, <c>array&lt;int&gt;</c>, …</summary>
    public string? Type { get; init; }

    /// <summary>Free-text comment.</summary>
    public string? Comment { get; init; }

    /// <summary>Key/value properties.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
