namespace DataPrepWorkflows.Catalog;

/// <summary>What a caller supplies to create or update a database, like Glue's <c>DatabaseInput</c>.</summary>
public sealed record DatabaseInput
{
    /// <summary>Database name; lower-cased on the way in, as Glue does.</summary>
    public required string Name { get; init; }

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>Default location of the database's data.</summary>
    public string? LocationUri { get; init; }

    /// <summary>Key/value properties.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
