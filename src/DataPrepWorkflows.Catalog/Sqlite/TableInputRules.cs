namespace DataPrepWorkflows.Catalog.Sqlite;

/// <summary>Checks a <see cref="TableInput"/> before it is stored, so bad definitions fail with a clear message.</summary>
internal static class TableInputRules
{
    public static void Check(string database, TableInput input)
    {
        var table = CatalogName.Normalize(input.Name, "table");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in input.StorageDescriptor?.Columns ?? [])
        {
            Require(database, table, column, "column", seen);
        }

        foreach (var key in input.PartitionKeys ?? [])
        {
            Require(database, table, key, "partition key", seen);
        }
    }

    private static void Require(string database, string table, Column column, string kind, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(column.Name))
        {
            throw CatalogErrors.Invalid($"Table {database}.{table} has a {kind} without a name.");
        }

        if (!seen.Add(column.Name))
        {
            throw CatalogErrors.Invalid($"Table {database}.{table} names '{column.Name}' twice among its columns and partition keys; names must be unique.");
        }
    }
}
