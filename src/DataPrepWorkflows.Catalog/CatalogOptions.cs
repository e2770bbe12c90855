namespace DataPrepWorkflows.Catalog;

/// <summary>The <c>Catalog</c> section of <c>appsettings.json</c>.</summary>
public sealed record CatalogOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Catalog";

    /// <summary>The SQLite file of the local catalog, relative to the working directory unless absolute.</summary>
    /// <value><c>.dataprep/catalog.db</c>.</value>
    public string Path { get; init; } = ".dataprep/catalog.db";
}
