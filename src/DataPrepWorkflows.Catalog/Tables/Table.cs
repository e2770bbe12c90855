namespace DataPrepWorkflows.Catalog;

/// <summary>A catalog table, shaped and serialised like Glue's <c>Table</c> (see <see cref="GlueJson"/>).</summary>
public sealed record Table
{
    /// <summary>Value of <see cref="TableType"/> for tables over files, which is what crawlers create.</summary>
    public const string ExternalTable = "EXTERNAL_TABLE";

    /// <summary>Lower-cased table name.</summary>
    public required string Name { get; init; }

    /// <summary>Lower-cased name of the database holding the table.</summary>
    public string? DatabaseName { get; init; }

    /// <summary>Free-text description.</summary>
    public string? Description { get; init; }

    /// <summary>Owner of the table.</summary>
    public string? Owner { get; init; }

    /// <summary>When the table was created.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When the table definition last changed.</summary>
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>When the table was last accessed.</summary>
    public DateTimeOffset? LastAccessTime { get; init; }

    /// <summary>When column statistics were last computed.</summary>
    public DateTimeOffset? LastAnalyzedTime { get; init; }

    /// <summary>Retention time; crawlers write 0.</summary>
    public int? Retention { get; init; }

    /// <summary>Columns, location and formats.</summary>
    public StorageDescriptor? StorageDescriptor { get; init; }

    /// <summary>Partition keys, in folder order (<c>year=…/month=…</c>).</summary>
    public IReadOnlyList<Column>? PartitionKeys { get; init; }

    /// <summary>For views: the original SQL.</summary>
    public string? ViewOriginalText { get; init; }

    /// <summary>For views: the expanded SQL.</summary>
    public string? ViewExpandedText { get; init; }

    /// <summary>Table type, <see cref="ExternalTable"/> for tables over files.</summary>
    public string? TableType { get; init; }

    /// <summary>Properties: <c>classification</c>, <c>recordCount</c>, … (see <see cref="TableParameters"/>).</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Who created the table.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Whether Lake Formation governs the table's data.</summary>
    public bool? IsRegisteredWithLakeFormation { get; init; }

    /// <summary>The AWS account of the catalog; absent locally.</summary>
    public string? CatalogId { get; init; }

    /// <summary>The table version: <c>"0"</c> on creation, one more on every update.</summary>
    public string? VersionId { get; init; }
}
