namespace DataPrepWorkflows.Catalog;

/// <summary>
/// Glue folds column and partition key names to lower case when it stores a table (Hive compatibility); the local
/// catalog does the same so a table reads back identically from either.
/// </summary>
internal static class ColumnNames
{
    public static IReadOnlyList<Column>? Fold(IReadOnlyList<Column>? columns) =>
        columns?.Select(c => c.Name is null ? c : c with { Name = c.Name.ToLowerInvariant() }).ToList();

    public static StorageDescriptor? Fold(StorageDescriptor? descriptor) =>
        descriptor is null ? null : descriptor with { Columns = Fold(descriptor.Columns) };
}
