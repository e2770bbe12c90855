namespace DataPrepWorkflows.Catalog;

/// <summary>A catalog database, shaped and serialised like Glue's <c>Database</c>.</summary>
public sealed record Database
{
    /// <summary>Lower-cased database name.</summary>
    public required string Name { get; init; }

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>Default location of the database's data, for example <c>s3://curated/</c>.</summary>
    public string? LocationUri { get; init; }

    /// <summary>Key/value properties.</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>When the database was created.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>The AWS account of the catalog; absent locally.</summary>
    public string? CatalogId { get; init; }
}
