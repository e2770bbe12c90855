namespace DataPrepWorkflows.Catalog;

/// <summary>How <see cref="ICatalog.UpdateTableAsync"/> treats concurrency and history, as Glue's <c>UpdateTable</c> does.</summary>
public sealed record TableUpdateOptions
{
    /// <summary>
    /// The version the caller read; the update fails with <c>ConcurrentModificationException</c> when the table has
    /// moved on. <see langword="null"/> skips the check.
    /// </summary>
    public string? VersionId { get; init; }

    /// <summary>Do not keep the replaced definition as a table version.</summary>
    /// <value><see langword="false"/>: the previous definition is archived.</value>
    public bool SkipArchive { get; init; }
}
