using DataPrepWorkflows.Activities.Clean.Running;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Clean;

/// <summary>Registers the cleaned dataset as a catalog table (created, or updated with a new version).</summary>
internal static class CleanCatalog
{
    public static async Task<string> RegisterAsync(ICatalog catalog, string qualifiedName, string location, DatasetWriteOptions write, RecipeRunResult result, CancellationToken cancellationToken)
    {
        var parts = qualifiedName.Split('.');
        if (parts.Length != 2 || !CatalogName.TryNormalize(parts[0], "database", out var database, out var error) || !CatalogName.TryNormalize(parts[1], "table", out var table, out error))
        {
            throw new ActivityFaultException(CleanErrors.InvalidInput, $"outputTable: '{qualifiedName}' must be database.table (letters, digits, '_').");
        }

        if (await catalog.FindDatabaseAsync(database, cancellationToken).ConfigureAwait(false) is null)
        {
            await catalog.CreateDatabaseAsync(new DatabaseInput { Name = database }, cancellationToken).ConfigureAwait(false);
        }

        var partitionKeys = write.PartitionBy.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = result.Schema.Where(c => !partitionKeys.Contains(c.Name)).Select(c => new Column { Name = c.Name, Type = c.GlueType }).ToList();
        var keys = result.Schema.Where(c => partitionKeys.Contains(c.Name)).Select(c => new Column { Name = c.Name, Type = c.GlueType }).ToList();
        var format = result.Written!.Format switch
        {
            DatasetFormat.Csv => TableFormat.Csv(),
            DatasetFormat.JsonLines => TableFormat.Json(columns.Select(c => c.Name)),
            _ => TableFormat.Parquet(),
        };
        var input = new TableInput
        {
            Name = table,
            TableType = Table.ExternalTable,
            StorageDescriptor = format.Describe(location, columns),
            PartitionKeys = keys,
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["classification"] = format.Classification,
                ["recordCount"] = result.Written.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        if (await catalog.FindTableAsync(database, table, cancellationToken).ConfigureAwait(false) is null)
        {
            await catalog.CreateTableAsync(database, input, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await catalog.UpdateTableAsync(database, input, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return $"{database}.{table}";
    }
}
