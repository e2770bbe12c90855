namespace DataPrepWorkflows.Catalog;

/// <summary>One archived definition of a table, like Glue's <c>TableVersion</c>.</summary>
public sealed record TableVersion
{
    /// <summary>The table as it was in this version.</summary>
    public required Table Table { get; init; }

    /// <summary>The version id (<c>"0"</c>, <c>"1"</c>, …).</summary>
    public required string VersionId { get; init; }
}
